package io.innercircle.bundle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every rule of map-bundle-v1 and a sample of schema violations: the bundle is refused with the pointer of the
 * offending element, and nothing is written. Each bad bundle is the course example with one defect, posted
 * over the course example already in the database, so a partial write would show up as a changed graph.
 */
class BundleValidationTest extends BundleTestSupport {

    private String before;

    @BeforeEach
    void importTheCourseExample() {
        imported(example("course-example"), false);
        before = databaseState();
    }

    static Stream<Arguments> defects() {
        return Stream.of(
                // Rule 1: unique keys per array
                defect("duplicate stakeholder key", b -> add(b, "stakeholders", "{\"key\":\"svp\",\"name\":\"X\"}"),
                        "/stakeholders/11/key", "already used by /stakeholders/0"),
                defect("duplicate team key", b -> add(b, "team", "{\"key\":\"randy\",\"name\":\"X\"}"),
                        "/team/2/key", "already used by /team/0"),
                defect("duplicate competitor key", b -> add(b, "competitors", "{\"key\":\"x-sys\",\"name\":\"X\"}"),
                        "/competitors/1/key", "already used by /competitors/0"),
                defect("duplicate opportunity key", b -> add(b, "opportunities",
                        "{\"key\":\"customer-service-2027\",\"name\":\"X\"}"),
                        "/opportunities/1/key", "already used by /opportunities/0"),
                // Rule 2: references resolve
                defect("unknown manager", b -> person(b, 4).put("reportsTo", "ghost"),
                        "/stakeholders/4/reportsTo", "no stakeholder with the key 'ghost'"),
                defect("unknown influencer", b -> item(b, "influences", 2).put("from", "ghost"),
                        "/influences/2/from", "no stakeholder with the key 'ghost'"),
                defect("unknown influencee", b -> item(b, "influences", 2).put("to", "ghost"),
                        "/influences/2/to", "no stakeholder with the key 'ghost'"),
                defect("unknown side of a conflict", b -> ((ArrayNode) item(b, "conflicts", 0).get("between"))
                        .set(1, "ghost"), "/conflicts/0/between/1", "no stakeholder with the key 'ghost'"),
                defect("unknown team member in a contact", b -> item(b, "contacts", 0).put("teamMember", "ghost"),
                        "/contacts/0/teamMember", "no team member with the key 'ghost'"),
                defect("unknown stakeholder in a contact", b -> item(b, "contacts", 1).put("stakeholder", "ghost"),
                        "/contacts/1/stakeholder", "no stakeholder with the key 'ghost'"),
                defect("unknown competitor", b -> opportunity(b).put("competitor", "ghost"),
                        "/opportunities/0/competitor", "no competitor with the key 'ghost'"),
                defect("unknown stakeholder in roles", b -> ((ObjectNode) opportunity(b).get("roles").get(1))
                        .put("stakeholder", "ghost"), "/opportunities/0/roles/1/stakeholder", "'ghost'"),
                defect("unknown stakeholder in status", b -> ((ObjectNode) opportunity(b).get("status").get(2))
                        .put("stakeholder", "ghost"), "/opportunities/0/status/2/stakeholder", "'ghost'"),
                defect("tactic owner who is not on our team", b -> ((ObjectNode) opportunity(b).get("tactics")
                        .get(0)).put("owner", "svp"), "/opportunities/0/tactics/0/owner",
                        "no team member with the key 'svp'"),
                // Rule 3: a forest
                defect("reporting to oneself", b -> person(b, 0).put("reportsTo", "svp"),
                        "/stakeholders/0/reportsTo", "cannot report to themselves"),
                defect("reporting circle", b -> person(b, 0).put("reportsTo", "rnd"),
                        "/stakeholders/0/reportsTo",
                        "circle: 'svp' reports to 'rnd', who reports to 'deng', who reports to 'svp'"),
                // Rule 4: no self-loops, one line per pair
                defect("influence on oneself", b -> item(b, "influences", 0).put("to", "dis"),
                        "/influences/0/to", "two different people"),
                defect("second influence line for a pair", b -> add(b, "influences",
                        "{\"from\":\"rnd\",\"to\":\"deng\",\"strength\":3}"),
                        "/influences/9", "already given at /influences/2"),
                defect("conflict with oneself", b -> ((ArrayNode) item(b, "conflicts", 0).get("between"))
                        .set(1, "deng"), "/conflicts/0/between", "two different people"),
                defect("second conflict for a pair, reversed", b -> add(b, "conflicts",
                        "{\"between\":[\"dis\",\"deng\"]}"), "/conflicts/1", "already given at /conflicts/0"),
                // Rule 5: one roles and one status entry per stakeholder per opportunity
                defect("roles twice", b -> ((ArrayNode) opportunity(b).get("roles"))
                        .add(node("{\"stakeholder\":\"svp\",\"roles\":[\"USER\"]}")),
                        "/opportunities/0/roles/7/stakeholder", "first at /opportunities/0/roles/0"),
                defect("status twice", b -> ((ArrayNode) opportunity(b).get("status"))
                        .add(node("{\"stakeholder\":\"dis\",\"status\":\"MENTOR\"}")),
                        "/opportunities/0/status/7/stakeholder", "first at /opportunities/0/status/3"),
                // Rule 6: criteria unique per opportunity
                defect("criterion twice", b -> ((ArrayNode) opportunity(b).get("assessment"))
                        .add(node("{\"criterion\":5,\"us\":\"-\"}")),
                        "/opportunities/0/assessment/6/criterion", "criterion 5 is already assessed"),
                // A contact is identified by its team member and stakeholder
                defect("second contact for a pair", b -> add(b, "contacts",
                        "{\"teamMember\":\"randy\",\"stakeholder\":\"svp\",\"coverage\":\"NONE\"}"),
                        "/contacts/5", "already given at /contacts/0"),
                // Schema
                defect("bad enum", b -> person(b, 0).put("adaptability", "WEIRD"),
                        "/stakeholders/0/adaptability", "must be one of INNOVATOR, VISIONARY"),
                defect("rank 7", b -> person(b, 1).put("rank", 7),
                        "/stakeholders/1/rank", "must be at most 5, not 7"),
                defect("rank 2.5", b -> person(b, 1).put("rank", 2.5),
                        "/stakeholders/1/rank", "must be a whole number"),
                defect("missing name", b -> person(b, 2).remove("name"),
                        "/stakeholders/2/name", "'name' is required"),
                defect("empty name", b -> person(b, 2).put("name", ""),
                        "/stakeholders/2/name", "must not be empty"),
                defect("over-long notes", b -> person(b, 3).put("notes", "x".repeat(10_001)),
                        "/stakeholders/3/notes", "at most 10000 characters long, but has 10001"),
                defect("over-long title", b -> person(b, 3).put("title", "x".repeat(501)),
                        "/stakeholders/3/title", "at most 500 characters long, but has 501"),
                defect("malformed key", b -> person(b, 4).put("reportsTo", "bad key!"),
                        "/stakeholders/4/reportsTo", "must be a key: 1 to 64 letters"),
                defect("unknown field", b -> person(b, 5).put("age", 44),
                        "/stakeholders/5/age", "not a field the bundle format knows"),
                defect("impossible date", b -> item(b, "contacts", 0).put("lastContact", "2026-02-30"),
                        "/contacts/0/lastContact", "real calendar date"),
                defect("strength 4", b -> item(b, "influences", 0).put("strength", 4),
                        "/influences/0/strength", "at most 3"),
                defect("criterion 21", b -> ((ObjectNode) opportunity(b).get("assessment").get(0))
                        .put("criterion", 21), "/opportunities/0/assessment/0/criterion", "at most 20"),
                defect("lower-case currency", b -> opportunity(b).put("currency", "usd"),
                        "/opportunities/0/currency", "three-letter ISO currency code"),
                defect("wrong format", b -> b.put("format", "political-map-bundle/v2"),
                        "/format", "must be \"political-map-bundle/v1\""),
                defect("one-sided conflict", b -> ((ArrayNode) item(b, "conflicts", 0).get("between")).remove(1),
                        "/conflicts/0/between", "at least 2 items, but has 1"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("defects")
    void aDefectIsReportedAtItsPointerAndNothingIsWritten(String name, Consumer<ObjectNode> defect, String pointer,
                                                          String message) {
        ObjectNode bundle = example("course-example");
        ((ObjectNode) bundle.get("account")).put("name", "Renamed, which must not happen");
        defect.accept(bundle);

        Response response = post(bundle, false);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.problems()).as("problems").anySatisfy(p -> {
            assertThat(p).startsWith(pointer + " | ");
            assertThat(p).contains(message);
        });
        assertThat(databaseState()).isEqualTo(before);
        assertThat(count("MATCH (a:Account {key: $key}) WHERE a.name = 'National Manufacturing' RETURN count(a)",
                Map.of("key", COURSE))).isEqualTo(1);
    }

    @Test
    void aMalformedKeyIsOneProblemNotThree() {
        ObjectNode bundle = example("course-example");
        person(bundle, 4).put("reportsTo", "bad key!");
        Response response = post(bundle, false);
        assertThat(response.problems()).containsExactly("/stakeholders/4/reportsTo | must be a key: 1 to 64 "
                + "letters, digits, '.', '_', ':' or '-', not \"bad key!\"");
    }

    @Test
    void everyProblemIsReportedNotJustTheFirst() {
        ObjectNode bundle = example("course-example");
        person(bundle, 0).put("adaptability", "WEIRD");
        person(bundle, 1).put("rank", 7);
        person(bundle, 2).remove("name");
        person(bundle, 4).put("reportsTo", "ghost");
        person(bundle, 5).put("reportsTo", "mfg");
        item(bundle, "influences", 0).put("to", "dis");
        ((ObjectNode) opportunity(bundle).get("tactics").get(0)).put("owner", "svp");

        Response response = post(bundle, true);

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.pointers()).containsExactlyInAnyOrder("/stakeholders/0/adaptability",
                "/stakeholders/1/rank", "/stakeholders/2/name", "/stakeholders/4/reportsTo",
                "/stakeholders/5/reportsTo", "/influences/0/to", "/opportunities/0/tactics/0/owner");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void aBundleThatIsNotAnObjectIsRefusedAtTheRoot() {
        Response response = post("[1, 2]", false);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.problems()).containsExactly(" | must be an object, not an array");
    }

    @Test
    void malformedJsonIsABadRequestWithTheLine() {
        Response response = post("{\n  \"format\": \"political-map-bundle/v1\",\n  \"account\": {\n}}}", false);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problems()).singleElement().asString()
                .startsWith(" | the body is not valid JSON (line 4, column ");
        assertThat(databaseState()).isEqualTo(before);
    }

    @Test
    void aFieldGivenTwiceIsABadRequest() {
        Response response = post("{\"format\": \"political-map-bundle/v1\", \"format\": \"x\"}", false);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.problems()).singleElement().asString()
                .isEqualTo(" | the body is not valid JSON (line 1, column 47): the field 'format' is given twice");
    }

    @Test
    void graphQlReportsOneErrorPerProblemWithItsPointer() {
        ObjectNode bundle = example("course-example");
        person(bundle, 1).put("rank", 7);
        person(bundle, 4).put("reportsTo", "ghost");

        graphQl.document("mutation($b: JSON!) { importBundle(bundle: $b) { account { key } } }")
                .variable("b", JSON.convertValue(bundle, Map.class))
                .execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).hasSize(2);
                    assertThat(errors).allSatisfy(e -> {
                        assertThat(e.getErrorType().toString()).isEqualTo("BAD_REQUEST");
                        assertThat(e.getPath()).isEqualTo("importBundle");
                    });
                    assertThat(errors).extracting(e -> e.getExtensions().get("pointer"), e -> e.getExtensions().get("code"))
                            .containsExactly(tuple("/stakeholders/1/rank", "OUT_OF_RANGE"),
                                    tuple("/stakeholders/4/reportsTo", "UNKNOWN_KEY"));
                    assertThat(errors.get(0).getMessage()).isEqualTo("/stakeholders/1/rank: must be at most 5, not 7");
                    assertThat(errors.get(1).getExtensions().get("reason"))
                            .isEqualTo("there is no stakeholder with the key 'ghost' in this bundle");
                })
                .path("importBundle").valueIsNull();
        assertThat(databaseState()).isEqualTo(before);
    }

    // ---- building defects

    private static Arguments defect(String name, Consumer<ObjectNode> defect, String pointer, String message) {
        return arguments(name, defect, pointer, message);
    }

    private static ObjectNode person(ObjectNode bundle, int index) {
        return item(bundle, "stakeholders", index);
    }

    private static ObjectNode opportunity(ObjectNode bundle) {
        return item(bundle, "opportunities", 0);
    }

    private static ObjectNode item(ObjectNode bundle, String array, int index) {
        return (ObjectNode) bundle.get(array).get(index);
    }

    private static void add(ObjectNode bundle, String array, String json) {
        ((ArrayNode) bundle.get(array)).add(node(json));
    }

    private static JsonNode node(String json) {
        return tree(json.getBytes());
    }
}
