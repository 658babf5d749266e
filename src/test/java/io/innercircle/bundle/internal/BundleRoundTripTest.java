package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared examples go in and come out the same, over REST and over GraphQL. */
class BundleRoundTripTest extends BundleTestSupport {

    private static final String EXPORT = "query($account: ID!) { exportBundle(account: $account) }";
    private static final String IMPORT = """
            mutation($bundle: JSON!, $merge: Boolean) {
              importBundle(bundle: $bundle, merge: $merge) {
                account { id key name industry notes version stakeholders(first: 2) { totalCount } }
                merged
                problems { pointer message }
                counts { team competitors stakeholders reportingLines influences conflicts contacts
                         opportunities roles statuses ratings tactics }
              }
            }""";

    @ParameterizedTest
    @CsvSource({"course-example, national-manufacturing", "krackhardt-hightech, krackhardt-hightech"})
    void sharedExampleRoundTripsOverRest(String example, String account) {
        JsonNode original = example(example);
        JsonNode answer = imported(original, false);
        assertThat(answer.path("account").asText()).isEqualTo(account);
        assertThat(answer.path("version").asLong()).isEqualTo(1);
        assertThat(answer.path("counts").path("stakeholders").asInt())
                .isEqualTo(original.path("stakeholders").size());

        byte[] first = export(account);
        assertThat(normalized(tree(first))).isEqualTo(normalized(original));

        JsonNode again = imported(first, false);
        assertThat(again.path("version").asLong()).isEqualTo(2);
        byte[] second = export(account);
        assertThat(new String(second)).isEqualTo(new String(first));
    }

    @Test
    void courseExampleIsStoredAsTheGraphModelSays() {
        imported(example("course-example"), false);
        Map<String, Object> a = Map.of("account", COURSE);
        assertThat(count("MATCH (a:Account {key: $account}) WHERE a.version = 1 AND a.updatedAt IS NOT NULL "
                + "AND a.createdAt IS NOT NULL RETURN count(a)", a)).isEqualTo(1);
        assertThat(count("MATCH (s:Stakeholder {account: $account}) RETURN count(s)", a)).isEqualTo(11);
        assertThat(count("MATCH (:Stakeholder {account: $account})-[r:REPORTS_TO]->() RETURN count(r)", a))
                .isEqualTo(9);
        assertThat(count("MATCH (:Stakeholder {account: $account})-[r:INFLUENCES]->() RETURN count(r)", a))
                .isEqualTo(9);
        // Stored once, from the smaller key to the larger.
        assertThat(count("MATCH (:Stakeholder {account: $account, key: 'deng'})-[r:CONFLICTS_WITH]->"
                + "(:Stakeholder {key: 'dis'}) RETURN count(r)", a)).isEqualTo(1);
        assertThat(count("MATCH (:Stakeholder {account: $account})-[r:CONFLICTS_WITH]->() RETURN count(r)", a))
                .isEqualTo(1);
        assertThat(count("MATCH (:TeamMember {account: $account})-[r:HAS_CONTACT]->(:Stakeholder) "
                + "RETURN count(r)", a)).isEqualTo(5);
        assertThat(count("MATCH (:TeamMember {account: $account, key: 'randy'})-[r:HAS_CONTACT]->"
                + "(:Stakeholder {key: 'svp'}) WHERE r.lastContact = date('2026-09-15') AND r.coverage = 'BRIEF' "
                + "AND r.relationship = 'VENDOR' RETURN count(r)", a)).isEqualTo(1);
        assertThat(count("MATCH (o:Opportunity {account: $account, key: 'customer-service-2027'})"
                + "-[:AGAINST]->(:Competitor {key: 'x-sys'}) WHERE o.closeDate = date('2027-03-31') "
                + "AND o.amount = 3000000.0 AND o.goal IS NOT NULL RETURN count(o)", a)).isEqualTo(1);
        assertThat(count("MATCH (:Stakeholder {account: $account, key: 'rnd'})-[r:INVOLVED_IN]->(:Opportunity) "
                + "WHERE r.roles = ['EVALUATOR', 'USER'] AND r.status = 'NEUTRAL' RETURN count(r)", a)).isEqualTo(1);
        assertThat(count("MATCH (:Opportunity {account: $account})-[:HAS_RATING]->(r:Rating {account: $account}) "
                + "RETURN count(r)", a)).isEqualTo(6);
        assertThat(count("MATCH (:Opportunity {account: $account})-[:HAS_TACTIC]->(t:Tactic {account: $account, "
                + "position: 0})-[:OWNED_BY]->(:TeamMember {key: 'randy'}) WHERE t.due = date('2026-12-16') "
                + "RETURN count(t)", a)).isEqualTo(1);
    }

    @Test
    void exportOrderIsFixedWhateverTheImportOrder() {
        JsonNode shuffled = example("course-example");
        reverse(shuffled, "stakeholders");
        reverse(shuffled, "influences");
        reverse(shuffled, "contacts");
        ((com.fasterxml.jackson.databind.node.ArrayNode) shuffled.path("conflicts").get(0).path("between"))
                .removeAll().add("dis").add("deng");
        imported(shuffled, false);
        byte[] fromShuffled = export(COURSE);
        imported(example("course-example"), false);
        assertThat(new String(export(COURSE))).isEqualTo(new String(fromShuffled));
        JsonNode exported = tree(fromShuffled);
        assertThat(exported.path("stakeholders").get(0).path("key").asText()).isEqualTo("cons");
        assertThat(exported.path("conflicts").get(0).path("between").toString()).isEqualTo("[\"deng\",\"dis\"]");
        assertThat(exported.path("stakeholders").get(10).has("reportsTo")).isTrue();
        assertThat(exported.path("stakeholders").toString()).doesNotContain("null");
    }

    @ParameterizedTest
    @CsvSource({"course-example, national-manufacturing", "krackhardt-hightech, krackhardt-hightech"})
    @SuppressWarnings("unchecked")
    void sharedExampleRoundTripsOverGraphQl(String example, String account) {
        JsonNode original = example(example);
        Map<String, Object> variables = JSON.convertValue(original, Map.class);
        graphQl.document(IMPORT).variable("bundle", variables).variable("merge", false).execute()
                .errors().verify()
                .path("importBundle.account.id").entity(String.class).isEqualTo(account)
                .path("importBundle.account.version").entity(Integer.class).isEqualTo(1)
                // The map feature's Account type resolves on the imported account, lists included.
                .path("importBundle.account.stakeholders.totalCount").entity(Integer.class)
                .isEqualTo(original.path("stakeholders").size())
                .path("importBundle.merged").entity(Boolean.class).isEqualTo(false)
                .path("importBundle.problems").entityList(Object.class).hasSize(0)
                .path("importBundle.counts.stakeholders").entity(Integer.class)
                .isEqualTo(original.path("stakeholders").size());

        Map<String, Object> first = graphQl.document(EXPORT).variable("account", account).execute()
                .path("exportBundle").entity(Map.class).get();
        assertThat(normalized(JSON.valueToTree(first))).isEqualTo(normalized(original));

        graphQl.document(IMPORT).variable("bundle", first).execute()
                .path("importBundle.account.version").entity(Integer.class).isEqualTo(2);
        Map<String, Object> second = graphQl.document(EXPORT).variable("account", account).execute()
                .path("exportBundle").entity(Map.class).get();
        assertThat(new String(bytes(second))).isEqualTo(new String(bytes(first)));
        // The GraphQL export is the very text the REST export gives.
        assertThat(new String(bytes(second))).isEqualTo(new String(export(account)));
    }

    @Test
    void relationshipPlansAndTacticTargetsRoundTripAndAreInTheHistory() {
        imported(example("course-example"), false);
        String deal = COURSE + "/customer-service-2027";
        graphQl.document("""
                        mutation($deal: ID!) {
                          setRelationshipPlan(input: {opportunity: $deal, stakeholder: "national-manufacturing/deng",
                            strategy: MOTIVATE, owner: "national-manufacturing/nicole", nextStep: "Lunch with Kim",
                            due: "2027-01-15", outcome: "agreed to meet"}) { plan { strategy } }
                          setTacticTargets(tactic: "national-manufacturing/customer-service-2027-tactic-0",
                            people: ["national-manufacturing/svp", "national-manufacturing/deng"]) { tactic { id } }
                        }""").variable("deal", deal).execute().errors().verify();

        JsonNode exported = tree(export(COURSE));
        JsonNode opportunity = exported.path("opportunities").get(0);
        assertThat(opportunity.path("relationshipPlans").toString()).isEqualTo(
                "[{\"stakeholder\":\"deng\",\"strategy\":\"MOTIVATE\",\"owner\":\"nicole\",\"nextStep\":\"Lunch with Kim\","
                        + "\"due\":\"2027-01-15\",\"outcome\":\"agreed to meet\"}]");
        assertThat(opportunity.path("tactics").get(0).path("targets").toString()).isEqualTo("[\"deng\",\"svp\"]");

        // Into a new account: the same records come out, and its history has them.
        ObjectNode copy = (ObjectNode) exported.deepCopy();
        ((ObjectNode) copy.path("account")).put("key", "copy-co");
        imported(copy, false);
        JsonNode again = tree(export("copy-co"));
        assertThat(again.path("opportunities")).isEqualTo(exported.path("opportunities"));
        assertThat(graphQl.document("""
                        { relationshipPlan(opportunity: "copy-co/customer-service-2027", stakeholder: "copy-co/deng") {
                            strategy recorded owner { name } nextStep } }""").execute()
                .path("relationshipPlan.owner.name").entity(String.class).get()).isEqualTo("Nicole");
        List<String> history = graphQl.document("""
                        { changes(account: "copy-co") { edges { node { changes { description } } } } }""").execute()
                .path("changes.edges[*].node.changes[*].description").entityList(String.class).get();
        assertThat(history).anyMatch(d -> d.startsWith("added relationship plan"))
                .anyMatch(d -> d.startsWith("added targets") && d.contains("Sam Ortiz"));

        // A bundle without relationship plans (v1 as first written) merged in leaves them; replacing drops them.
        imported(example("course-example"), true);
        assertThat(tree(export(COURSE)).path("opportunities").get(0).has("relationshipPlans")).isTrue();
        imported(example("course-example"), false);
        assertThat(tree(export(COURSE)).path("opportunities").get(0).has("relationshipPlans")).isFalse();
        assertThat(count("MATCH (r:RelationshipPlan {account: $account}) RETURN count(r)", Map.of("account", COURSE)))
                .isZero();

        // A plan for somebody the bundle does not have is refused, naming where.
        ObjectNode wrong = example("course-example");
        ((ObjectNode) wrong.path("opportunities").get(0)).putArray("relationshipPlans").addObject()
                .put("stakeholder", "nobody").put("owner", "randy");
        assertThat(post(wrong, false).problems())
                .containsExactly("/opportunities/0/relationshipPlans/0/stakeholder | there is no stakeholder with the key 'nobody' in this bundle");
    }

    @Test
    void exportOfAnUnknownAccountIsNotFound() {
        http.get().uri("/api/accounts/{key}/bundle", "nobody").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.message").value(m -> assertThat((String) m).contains("'nobody'"));
        graphQl.document(EXPORT).variable("account", "nobody").execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(1);
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("NOT_FOUND");
                })
                .path("exportBundle").valueIsNull();
    }

    @Test
    void anAccountMadeOnlyOfAnAccountExportsWithAnEmptyStakeholderList() {
        imported(Map.of("format", Bundle.FORMAT, "account", Map.of("key", "bare", "name", "Bare"),
                "stakeholders", java.util.List.of()), false);
        assertThat(new String(export("bare"))).isEqualTo(
                "{\"format\":\"political-map-bundle/v1\",\"account\":{\"key\":\"bare\",\"name\":\"Bare\"},"
                        + "\"stakeholders\":[]}");
    }

    private static void reverse(JsonNode bundle, String array) {
        var items = (com.fasterxml.jackson.databind.node.ArrayNode) bundle.path(array);
        java.util.List<JsonNode> list = new java.util.ArrayList<>();
        items.forEach(list::add);
        java.util.Collections.reverse(list);
        items.removeAll();
        list.forEach(items::add);
    }
}
