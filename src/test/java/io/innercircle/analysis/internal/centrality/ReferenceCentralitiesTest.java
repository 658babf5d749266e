package io.innercircle.analysis.internal.centrality;

import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleDirectedWeightedGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Every measure of {@link InfluenceCentralities} against NetworkX, person by person. The expected values
 * are written by {@code src/test/python/centrality_reference.py} and committed, so this needs no Python.
 */
class ReferenceCentralitiesTest {

    private static final double TOLERANCE = 1e-6;
    private static final List<String> MEASURES =
            List.of("pageRank", "influenceOut", "influenceIn", "betweenness", "harmonicCloseness");

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"star", "chain", "bridge", "assistant_hub", "equal_routes"})
    void handBuiltGraphsMatchNetworkX(String name) {
        JsonNode reference = load(name);
        assertMatches(name, reference, graphOf(reference));
    }

    @Test
    void krackhardtAdviceNetworkMatchesNetworkX() {
        JsonNode reference = load("krackhardt_advice");
        Graph<String, DefaultWeightedEdge> g = krackhardtFromCsv();
        assertThat(g.vertexSet()).hasSize(21);
        assertThat(g.edgeSet()).hasSize(190);
        // Read independently of the JSON, so a flipped direction on either side shows up here.
        assertThat(edgeSet(g)).isEqualTo(edgeSet(graphOf(reference)));
        assertMatches("krackhardt_advice", reference, g);
    }

    /**
     * The advice CSV, read as its README says: {@code from,to} means {@code from} goes to {@code to} for
     * advice, so {@code to} shapes {@code from}'s decisions.
     */
    static Graph<String, DefaultWeightedEdge> krackhardtFromCsv() {
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (int i = 1; i <= 21; i++) {
            g.addVertex(String.valueOf(i));
        }
        try (InputStream in = resource("krackhardt-advice.csv");
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            assertThat(reader.readLine()).isEqualTo("from,to");
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",");
                String asker = cells[0].trim();
                String adviser = cells[1].trim();
                g.setEdgeWeight(g.addEdge(adviser, asker), 1.0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return g;
    }

    private static void assertMatches(String name, JsonNode reference, Graph<String, DefaultWeightedEdge> g) {
        Centralities actual = InfluenceCentralities.compute(g);
        Map<String, Map<String, Double>> byName = Map.of(
                "pageRank", actual.pageRank(),
                "influenceOut", actual.influenceOut(),
                "influenceIn", actual.influenceIn(),
                "betweenness", actual.betweenness(),
                "harmonicCloseness", actual.harmonicCloseness());
        JsonNode measures = reference.get("measures");
        assertThat(measures.propertyNames()).containsExactlyInAnyOrderElementsOf(MEASURES);
        for (String measure : MEASURES) {
            JsonNode expected = measures.get(measure);
            Map<String, Double> scores = byName.get(measure);
            assertThat(scores.keySet()).as(name + " " + measure)
                    .containsExactlyInAnyOrderElementsOf(expected.propertyNames());
            for (String person : expected.propertyNames()) {
                double x = expected.get(person).asDouble();
                double y = scores.get(person);
                if (Math.abs(x - y) > TOLERANCE) {
                    fail(name + " " + measure + " of " + person + ": NetworkX " + x + ", ours " + y);
                }
            }
        }
    }

    static Graph<String, DefaultWeightedEdge> graphOf(JsonNode reference) {
        Graph<String, DefaultWeightedEdge> g = new SimpleDirectedWeightedGraph<>(DefaultWeightedEdge.class);
        for (JsonNode node : reference.get("nodes")) {
            g.addVertex(node.asString());
        }
        for (JsonNode edge : reference.get("edges")) {
            g.setEdgeWeight(g.addEdge(edge.get(0).asString(), edge.get(1).asString()), edge.get(2).asDouble());
        }
        return g;
    }

    private static Set<List<Object>> edgeSet(Graph<String, DefaultWeightedEdge> g) {
        Set<List<Object>> edges = new HashSet<>();
        for (DefaultWeightedEdge e : g.edgeSet()) {
            edges.add(List.of(g.getEdgeSource(e), g.getEdgeTarget(e), g.getEdgeWeight(e)));
        }
        return edges;
    }

    static JsonNode load(String name) {
        try (InputStream in = resource(name + ".json")) {
            return JsonMapper.shared().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String file) {
        InputStream in = ReferenceCentralitiesTest.class.getResourceAsStream("/reference/" + file);
        if (in == null) {
            throw new IllegalStateException("missing test resource reference/" + file);
        }
        return in;
    }
}
