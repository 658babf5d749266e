package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Replace (the default) against merge ({@code ?merge=true}), and that one account never touches another. */
class BundleImportModesTest extends BundleTestSupport {

    @Test
    void replacingAnAccountRemovesWhatIsNoLongerInTheBundle() {
        imported(example("course-example"), false);

        ObjectNode smaller = example("course-example");
        ((ObjectNode) smaller.get("account")).remove("industry");
        removeWhere(smaller.get("stakeholders"), s -> s.path("key").asText().equals("ops"));
        removeWhere(smaller.get("influences"), i -> i.path("from").asText().equals("dis"));
        smaller.remove("conflicts");
        removeWhere(smaller.get("team"), t -> t.path("key").asText().equals("nicole"));
        removeWhere(smaller.get("contacts"), c -> c.path("teamMember").asText().equals("nicole"));
        ObjectNode opportunity = (ObjectNode) smaller.get("opportunities").get(0);
        removeWhere(opportunity.get("roles"), r -> r.path("stakeholder").asText().equals("ops"));
        opportunity.remove(List.of("assessment", "tactics", "competitor"));
        smaller.remove("competitors");

        JsonNode answer = imported(smaller, false);

        assertThat(answer.path("version").asLong()).isEqualTo(2);
        assertThat(answer.path("merged").asBoolean()).isFalse();
        assertThat(normalized(tree(export(COURSE)))).isEqualTo(normalized(smaller));
        Map<String, Object> a = Map.of("account", COURSE);
        assertThat(count("MATCH (s:Stakeholder {account: $account, key: 'ops'}) RETURN count(s)", a)).isZero();
        assertThat(count("MATCH (x:Rating|Tactic|Competitor {account: $account}) RETURN count(x)", a)).isZero();
        assertThat(count("MATCH (:Stakeholder {account: $account})-[r:CONFLICTS_WITH]->() RETURN count(r)", a))
                .isZero();
        assertThat(count("MATCH (a:Account {key: $account}) WHERE a.industry IS NULL RETURN count(a)", a))
                .isEqualTo(1);
    }

    @Test
    void mergingKeepsWhatTheBundleLeavesOutAndReplacesWhatItRestates() {
        imported(example("course-example"), false);
        JsonNode before = tree(export(COURSE));

        // A new person who reports to the Senior VP and shapes their decisions, the Senior VP restated with a
        // lower rank, and the opportunity restated with only the new person's status.
        ObjectNode patch = (ObjectNode) tree(("""
                {"format": "political-map-bundle/v1",
                 "account": {"key": "national-manufacturing", "name": "National Manufacturing",
                             "industry": "Manufacturing"},
                 "stakeholders": [
                   {"key": "svp", "name": "Pat Morgan", "title": "Senior VP", "department": "Executive",
                    "adaptability": "PRAGMATIST", "rank": 4, "influence": 4},
                   {"key": "cfo", "name": "Ari Stone", "title": "CFO", "department": "Finance",
                    "reportsTo": "svp", "rank": 4}],
                 "influences": [{"from": "cfo", "to": "svp", "strength": 3}],
                 "opportunities": [{"key": "customer-service-2027", "name": "Worldwide customer service system",
                                    "status": [{"stakeholder": "cfo", "status": "NON_SUPPORTER"}]}]}
                """).getBytes());

        JsonNode answer = imported(patch, true);

        assertThat(answer.path("version").asLong()).isEqualTo(2);
        assertThat(answer.path("merged").asBoolean()).isTrue();
        assertThat(answer.path("counts").path("stakeholders").asInt()).isEqualTo(2);
        JsonNode after = tree(export(COURSE));
        // Everybody and every line that the patch does not mention is still there.
        assertThat(after.path("stakeholders")).hasSize(12);
        assertThat(after.path("influences")).hasSize(10);
        assertThat(after.path("team")).isEqualTo(before.path("team"));
        assertThat(after.path("contacts")).isEqualTo(before.path("contacts"));
        assertThat(after.path("conflicts")).isEqualTo(before.path("conflicts"));
        assertThat(after.path("competitors")).isEqualTo(before.path("competitors"));
        assertThat(person(after, "dis")).isEqualTo(person(before, "dis"));
        // What it restates is replaced.
        assertThat(person(after, "svp").path("rank").asInt()).isEqualTo(4);
        assertThat(person(after, "cfo").path("reportsTo").asText()).isEqualTo("svp");
        JsonNode opportunity = after.path("opportunities").get(0);
        assertThat(opportunity.path("status").toString())
                .isEqualTo("[{\"stakeholder\":\"cfo\",\"status\":\"NON_SUPPORTER\"}]");
        assertThat(opportunity.has("roles")).isFalse();
        assertThat(opportunity.has("tactics")).isFalse();
        assertThat(opportunity.has("amount")).isFalse();
    }

    @Test
    void mergingAnUnknownAccountCreatesIt() {
        JsonNode answer = imported(example("krackhardt-hightech"), true);
        assertThat(answer.path("version").asLong()).isEqualTo(1);
        assertThat(normalized(tree(export(KRACKHARDT)))).isEqualTo(normalized(example("krackhardt-hightech")));
    }

    @Test
    void mergingTheSameBundleTwiceChangesNothingButTheVersion() {
        imported(example("course-example"), false);
        byte[] first = export(COURSE);
        imported(example("course-example"), true);
        JsonNode answer = imported(example("course-example"), true);
        assertThat(answer.path("version").asLong()).isEqualTo(3);
        assertThat(new String(export(COURSE))).isEqualTo(new String(first));
    }

    @Test
    void replacingOneAccountLeavesAnotherWithTheSameKeysAlone() {
        ObjectNode copy = example("course-example");
        ((ObjectNode) copy.get("account")).put("key", "copy");
        imported(copy, false);
        imported(example("course-example"), false);
        byte[] copyBefore = export("copy");

        ObjectNode tiny = (ObjectNode) tree(("{\"format\": \"political-map-bundle/v1\", \"account\": "
                + "{\"key\": \"national-manufacturing\", \"name\": \"National Manufacturing\"}, "
                + "\"stakeholders\": [{\"key\": \"svp\", \"name\": \"Pat Morgan\"}]}").getBytes());
        imported(tiny, false);

        assertThat(new String(export("copy"))).isEqualTo(new String(copyBefore));
        assertThat(normalized(tree(export(COURSE)))).isEqualTo(normalized(tiny));
    }

    @Autowired
    BundleWriter writer;

    @Autowired
    BundleValidator validator;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void everyStatementOfAnImportIsInOneTransaction() {
        // If any statement ran outside the Spring transaction it would be committed on its own and survive this
        // rollback.
        String before = databaseState();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            writer.write(validator.check(example("course-example")), false);
            status.setRollbackOnly();
        });
        assertThat(databaseState()).isEqualTo(before).contains("nodes=0");
    }

    private static JsonNode person(JsonNode bundle, String key) {
        for (JsonNode s : bundle.path("stakeholders")) {
            if (s.path("key").asText().equals(key)) {
                return s;
            }
        }
        throw new AssertionError("no stakeholder " + key + " in " + bundle);
    }

    private static void removeWhere(JsonNode array, Predicate<JsonNode> unwanted) {
        List<JsonNode> kept = new ArrayList<>();
        array.forEach(item -> {
            if (!unwanted.test(item)) {
                kept.add(item);
            }
        });
        ((ArrayNode) array).removeAll().addAll(kept);
    }
}
