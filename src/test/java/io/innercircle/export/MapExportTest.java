package io.innercircle.export;

import io.innercircle.support.SecondAppTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jgrapht.Graph;
import org.jgrapht.alg.util.Pair;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.jgrapht.util.SupplierUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A map out to graph tools: GraphML that parses back into the same graph, GEXF, and CSV. */
class MapExportTest extends SecondAppTest {

    private static final String P = "globex/0035g00000";

    @BeforeEach
    void mapFromTheCrmAndDrawnByHand() throws IOException {
        byte[] contacts;
        try (InputStream in = getClass().getResourceAsStream("/crm/salesforce-contacts.csv")) {
            contacts = in.readAllBytes();
        }
        http.post().uri("/api/accounts/globex/imports/contacts?crmAccount=0015g00000GLOBX")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv")).bodyValue(contacts)
                .exchange().expectStatus().isOk();
        for (String mutation : List.of(
                "setInfluence(input: {from: \"" + P + "ENG01\", to: \"" + P + "CTO01\", strength: 3, note: \"trusted\"}) { influence { strength } }",
                "setConflict(input: {between: [\"" + P + "CFO01\", \"" + P + "CTO01\"]}) { conflict { note } }",
                "updateStakeholder(input: {id: \"" + P + "CTO01\", influence: 5, innerCircle: true}) { stakeholder { id } }",
                "createTeamMember(input: {account: \"globex\", key: \"randy\", name: \"Randy\", role: \"AM\"}) { teamMember { id } }",
                "recordContact(input: {teamMember: \"globex/randy\", stakeholder: \"" + P + "CTO01\", coverage: IN_DEPTH}) { contact { coverage } }",
                "createOpportunity(input: {account: \"globex\", key: \"platform\", name: \"Platform\"}) { opportunity { id } }",
                "setInvolvement(input: {opportunity: \"globex/platform\", stakeholder: \"" + P + "CTO01\", roles: [EVALUATOR, SPONSOR], status: MENTOR}) { involvement { status } }")) {
            graphQl.document("mutation { " + mutation + " }").execute().errors().verify();
        }
    }

    private String get(String path) {
        return new String(http.get().uri(path).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody(), StandardCharsets.UTF_8);
    }

    @Test
    void graphMlParsesBackIntoTheSameGraph() {
        String graphMl = get("/api/accounts/globex/export.graphml?opportunity=platform");
        Graph<String, DefaultWeightedEdge> graph = GraphTypeBuilder.<String, DefaultWeightedEdge>directed()
                .allowingMultipleEdges(true).allowingSelfLoops(false).weighted(true)
                .edgeSupplier(SupplierUtil.createDefaultWeightedEdgeSupplier()).buildGraph();
        Map<String, Map<String, String>> nodes = new HashMap<>();
        Map<DefaultWeightedEdge, Map<String, String>> lines = new HashMap<>();
        GraphMLImporter<String, DefaultWeightedEdge> importer = new GraphMLImporter<>();
        importer.setVertexFactory(id -> id);
        importer.addVertexAttributeConsumer((Pair<String, String> key, Attribute a) ->
                nodes.computeIfAbsent(key.getFirst(), v -> new HashMap<>()).put(key.getSecond(), a.getValue()));
        importer.addEdgeAttributeConsumer((Pair<DefaultWeightedEdge, String> key, Attribute a) ->
                lines.computeIfAbsent(key.getFirst(), e -> new HashMap<>()).put(key.getSecond(), a.getValue()));
        importer.importGraph(graph, new StringReader(graphMl));

        Set<String> people = Set.of("CEO01", "CTO01", "CFO01", "OPS01", "ENG01", "ENG02", "FIN01", "IT001", "ADV01");
        Set<String> expectedNodes = new HashSet<>(Set.of("team:randy"));
        people.forEach(k -> expectedNodes.add("stakeholder:0035g00000" + k));
        assertThat(graph.vertexSet()).isEqualTo(expectedNodes);

        Set<List<String>> edges = new HashSet<>();
        graph.edgeSet().forEach(e -> edges.add(List.of(lines.get(e).get("lineType"), graph.getEdgeSource(e),
                graph.getEdgeTarget(e))));
        String s = "stakeholder:0035g00000";
        assertThat(edges).containsExactlyInAnyOrder(
                List.of("REPORTS_TO", s + "CTO01", s + "CEO01"), List.of("REPORTS_TO", s + "CFO01", s + "CEO01"),
                List.of("REPORTS_TO", s + "OPS01", s + "CEO01"), List.of("REPORTS_TO", s + "ENG01", s + "CTO01"),
                List.of("REPORTS_TO", s + "ENG02", s + "CTO01"), List.of("REPORTS_TO", s + "FIN01", s + "CFO01"),
                List.of("REPORTS_TO", s + "IT001", s + "CTO01"), List.of("INFLUENCES", s + "ENG01", s + "CTO01"),
                List.of("CONFLICTS_WITH", s + "CFO01", s + "CTO01"), List.of("HAS_CONTACT", "team:randy", s + "CTO01"));
        DefaultWeightedEdge influence = graph.edgeSet().stream()
                .filter(e -> lines.get(e).get("lineType").equals("INFLUENCES")).findFirst().orElseThrow();
        assertThat(lines.get(influence)).containsEntry("strength", "3").containsEntry("note", "trusted");
        assertThat(graph.getEdgeWeight(influence)).isEqualTo(3.0);

        assertThat(nodes.get(s + "CTO01")).containsEntry("label", "Frank Grimes")
                .containsEntry("kind", "stakeholder").containsEntry("title", "CTO, Research & Development")
                .containsEntry("department", "Engineering").containsEntry("reportsTo", "0035g00000CEO01")
                .containsEntry("email", "frank@globex.example").containsEntry("crmKey", "0035g00000CTO01")
                .containsEntry("influence", "5").containsEntry("innerCircle", "true")
                .containsEntry("roles", "EVALUATOR SPONSOR").containsEntry("status", "MENTOR")
                .containsEntry("coverage", "IN_DEPTH").containsEntry("notInLastImport", "false");
        assertThat(nodes.get("team:randy")).containsEntry("kind", "teamMember").containsEntry("teamRole", "AM");

        // The same file through GraphQL.
        graphQl.document("{ exportMap(account: \"globex\", format: GRAPHML, opportunity: \"platform\") }").execute()
                .path("exportMap").entity(String.class).isEqualTo(graphMl);
    }

    @Test
    void gexfForGephi() throws Exception {
        String gexf = get("/api/accounts/globex/export.gexf?team=false");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(gexf.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("gexf");
        assertThat(doc.getElementsByTagName("node").getLength()).isEqualTo(9);
        assertThat(doc.getElementsByTagName("edge").getLength()).isEqualTo(9);
        Element cto = null;
        for (int i = 0; i < doc.getElementsByTagName("node").getLength(); i++) {
            Element n = (Element) doc.getElementsByTagName("node").item(i);
            if (n.getAttribute("id").equals("stakeholder:0035g00000CTO01")) {
                cto = n;
            }
        }
        assertThat(cto).isNotNull();
        assertThat(cto.getAttribute("label")).isEqualTo("Frank Grimes");
        assertThat(gexf).contains("title=\"title\"").contains("value=\"CTO, Research &amp; Development\"");
    }

    @Test
    void peopleAndLinesAsCsv() throws IOException {
        List<CSVRecord> people = CSVParser.parse(get("/api/accounts/globex/export/people.csv"),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(people).hasSize(10);
        CSVRecord ops = people.stream().filter(r -> r.get("key").equals("0035g00000OPS01")).findFirst().orElseThrow();
        assertThat(ops.get("title")).startsWith("Head of Operations").endsWith("(acting)");
        assertThat(ops.get("reportsTo")).isEqualTo("0035g00000CEO01");
        List<CSVRecord> lines = CSVParser.parse(get("/api/accounts/globex/export/lines.csv"),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        assertThat(lines).hasSize(10);
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("type")).isEqualTo("HAS_CONTACT");
            assertThat(l.get("contactCoverage")).isEqualTo("IN_DEPTH");
        });
    }

    @Test
    void unknownAccountsAndOpportunitiesAreNotFound() {
        http.get().uri("/api/accounts/nobody/export.graphml").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("account");
        http.get().uri("/api/accounts/globex/export.gexf?opportunity=nothing").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.field").isEqualTo("opportunity");
        graphQl.document("{ exportMap(account: \"nobody\", format: GEXF) }").execute().errors()
                .expect(e -> "NOT_FOUND".equals(String.valueOf(e.getErrorType()))).verify()
                .path("exportMap").valueIsNull();
    }
}
