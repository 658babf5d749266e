package io.innercircle.security;

import io.innercircle.security.internal.Role;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLSchema;
import io.innercircle.support.SecondAppTest;
import io.innercircle.support.TestBundles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may do what, as a table: every GraphQL query and mutation (the table must name every root field of the
 * schema, so a new field without a row fails here) and the REST endpoints, for each role, against their own
 * account and a foreign one. Allowed: no error. Refused on an account they may see: FORBIDDEN. Anything on an
 * account they may not see: byte for byte the answer for an account that does not exist (after replacing the
 * key), so a denied read looks like a missing one. Rows with mixed ids (one own, one foreign) check that a
 * guessed id of another account gets nothing either.
 *
 * <p>Accounts: national-manufacturing (the course example; team randy and nicole), foreign-co (the same map,
 * team zoe and yuri), ghost-co (does not exist). Users: admin (ADMIN), randy (MANAGER), nicole (REP), coach
 * (COACH of randy and nicole).
 */
class AuthorizationMatrixTest extends SecondAppTest {

    static final String OWN = "national-manufacturing";
    static final String FOREIGN = "foreign-co";
    static final String GHOST = "ghost-co";
    static final List<String> USERS = List.of("admin", "randy", "nicole", "coach");

    enum Need { NONE, READ, EDIT, MANAGE, ADMIN, REVIEW, CREATE }

    /** One entry point: the root field it covers, what it needs, and the request (ACC = account, N = unique). */
    record Row(String field, Need need, String document, Map<String, Object> variables, boolean mixed) {
        Row(String field, Need need, String document, Map<String, Object> variables) {
            this(field, need, document, variables, false);
        }

        /** A row mixing an own id with one of the account under test (a guessed id). */
        Row asMixed() {
            return new Row(field, need, document, variables, true);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEAL = "ACC/customer-service-2027";

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        // ---- queries (map)
        rows.add(q("account", "{ account(key: \"ACC\") { key name stakeholders(first: 50) { totalCount edges { node { id influences { to { id } } } } } opportunities { id } } }"));
        rows.add(q("stakeholder", "{ stakeholder(id: \"ACC/deng\") { id name account { key } reportsTo { id } directReports { id } influencedBy { from { id } } conflicts { between { id } } contacts { teamMember { id } } involvements { opportunity { id } status } influenceAnalysis { computedInfluence } } }"));
        rows.add(q("opportunity", "{ opportunity(id: \"" + DEAL + "\") { id account { key } competitor { name } involvements { stakeholder { id } status } health { warnings { people { id } } } strategies { allies { person { id } } } } }"));
        rows.add(q("teamMember", "{ teamMember(id: \"ACC/randy\") { id contacts { stakeholder { id } } } }"));
        rows.add(q("politicalMap", "{ politicalMap(opportunity: \"" + DEAL + "\") { account { key } people { stakeholder { id } status coverage } influenceLines { from { id } to { id } } contacts { teamMember { id } } } }"));
        rows.add(q("politicalMap", "{ politicalMap(opportunity: \"" + DEAL + "\", asOf: \"2100-01-01T00:00:00Z\") { people { stakeholder { id } } } }"));
        rows.add(q("politicalMap", "{ politicalMap(opportunity: \"" + DEAL + "\", focus: DEAL, hops: 1) { people { stakeholder { id } } shape { people } positions { stakeholder } } }"));
        // ---- queries (analysis)
        rows.add(q("innerCircle", "{ innerCircle(account: \"ACC\") { account { key } candidates { person { id } } disagreements { person { id } } } }"));
        rows.add(q("relationshipStrategies", "{ relationshipStrategies(opportunity: \"" + DEAL + "\") { stakeholders { person { id } approach { people { id } } } } }"));
        rows.add(q("mapHealth", "{ mapHealth(opportunity: \"" + DEAL + "\") { warnings { code people { id } } } }"));
        rows.add(q("influenceNeighbourhood", "{ influenceNeighbourhood(stakeholder: \"ACC/deng\") { person { id } path { people { id } } } }"));
        rows.add(q("influencePaths", "{ influencePaths(from: \"ACC/cons\", to: \"ACC/svp\") { people { id } hops { from { id } } } }"));
        rows.add(q("whoCanReach", "{ whoCanReach(stakeholder: \"ACC/deng\", opportunity: \"" + DEAL + "\") { people { id } } }"));
        // ---- queries (bundle, history)
        rows.add(q("exportBundle", "{ exportBundle(account: \"ACC\") }"));
        rows.add(q("changes", "{ changes(account: \"ACC\") { totalCount edges { node { by changes { description } } } } }"));
        rows.add(q("changes", "{ changes(opportunity: \"" + DEAL + "\") { totalCount } }"));
        rows.add(q("stakeholderTrend", "{ stakeholderTrend(stakeholder: \"ACC/deng\", opportunity: \"" + DEAL + "\") { status coverage } }"));
        // Guessed ids: an own id next to one of the other account (for the own account the row is plain).
        rows.add(q("influencePaths", "{ influencePaths(from: \"" + OWN + "/cons\", to: \"ACC/svp\") { people { id } } }").asMixed());
        rows.add(q("whoCanReach", "{ whoCanReach(stakeholder: \"" + OWN + "/deng\", opportunity: \"" + DEAL + "\") { people { id } } }").asMixed());
        rows.add(new Row("ping", Need.NONE, "{ ping }", Map.of()));
        // ---- mutations (edit)
        rows.add(m("updateAccount", Need.EDIT, "updateAccount(input: {key: \"ACC\", notes: \"n\"}) { account { key } }"));
        rows.add(m("createStakeholder", Need.EDIT, "a: createStakeholder(input: {account: \"ACC\", key: \"tN\", name: \"T\"}) { stakeholder { id } } b: removeStakeholder(id: \"ACC/tN\") { removed }"));
        rows.add(m("updateStakeholder", Need.EDIT, "updateStakeholder(input: {id: \"ACC/deng\", notes: \"n\"}) { stakeholder { id } }"));
        rows.add(m("removeStakeholder", Need.EDIT, "a: createStakeholder(input: {account: \"ACC\", key: \"rN\", name: \"R\"}) { stakeholder { id } } b: removeStakeholder(id: \"ACC/rN\") { removed }"));
        rows.add(m("setReportsTo", Need.EDIT, "setReportsTo(stakeholder: \"ACC/cons\", manager: null) { stakeholder { id } }"));
        rows.add(m("setInfluence", Need.EDIT, "setInfluence(input: {from: \"ACC/cons\", to: \"ACC/pmm\", strength: 1}) { influence { strength } }"));
        rows.add(m("saveMapPositions", Need.EDIT, "saveMapPositions(opportunity: \"" + DEAL + "\", positions: [{stakeholder: \"ACC/cons\", x: 1, y: 2}]) { saved }"));
        rows.add(m("removeInfluence", Need.EDIT, "a: setInfluence(input: {from: \"ACC/pmm\", to: \"ACC/cons\"}) { influence { strength } } b: removeInfluence(from: \"ACC/pmm\", to: \"ACC/cons\") { removed }"));
        rows.add(m("setConflict", Need.EDIT, "setConflict(input: {between: [\"ACC/pmm\", \"ACC/sm\"]}) { conflict { note } }"));
        rows.add(m("removeConflict", Need.EDIT, "a: setConflict(input: {between: [\"ACC/pmm\", \"ACC/ops\"]}) { conflict { note } } b: removeConflict(between: [\"ACC/pmm\", \"ACC/ops\"]) { removed }"));
        rows.add(m("recordContact", Need.EDIT, "recordContact(input: {teamMember: \"ACC/NICOLE\", stakeholder: \"ACC/pmm\", coverage: BRIEF}) { contact { coverage } }"));
        rows.add(m("removeContact", Need.EDIT, "a: recordContact(input: {teamMember: \"ACC/NICOLE\", stakeholder: \"ACC/ops\", coverage: BRIEF}) { contact { coverage } } b: removeContact(teamMember: \"ACC/NICOLE\", stakeholder: \"ACC/ops\") { removed }"));
        rows.add(m("setInvolvement", Need.EDIT, "setInvolvement(input: {opportunity: \"" + DEAL + "\", stakeholder: \"ACC/deng\", roles: [DECISION_MAKER], status: NEUTRAL}) { involvement { status } }"));
        rows.add(m("createOpportunity", Need.EDIT, "createOpportunity(input: {account: \"ACC\", key: \"oN\", name: \"O\"}) { opportunity { id } }"));
        rows.add(m("updateOpportunity", Need.EDIT, "updateOpportunity(input: {id: \"" + DEAL + "\", amount: 3000000}) { opportunity { id } }"));
        rows.add(m("createCompetitor", Need.EDIT, "createCompetitor(input: {account: \"ACC\", key: \"cN\", name: \"C\"}) { competitor { id } }"));
        rows.add(m("updateCompetitor", Need.EDIT, "updateCompetitor(input: {id: \"ACC/x-sys\", name: \"X-Sys\"}) { competitor { id } }"));
        // Guessed id: a line from an own person to a person of the other account.
        rows.add(m("setInfluence", Need.EDIT, "setInfluence(input: {from: \"" + OWN + "/cons\", to: \"ACC/pmm\"}) { influence { strength } }").asMixed());
        // ---- assessment and plan (TACTIC and REVIEW stand for a tactic and a review comment made for the call)
        rows.add(q("assessment", "{ assessment(opportunity: \"" + DEAL + "\") { opportunity { id } competitors { id } unknowns { number missingFor } } }"));
        rows.add(q("plan", "{ plan(opportunity: \"" + DEAL + "\") { goal tactics(first: 10) { totalCount edges { node { id owner { id } } } } checks { code } reviews { id } } }"));
        rows.add(m("rateCriteria", Need.EDIT, "rateCriteria(input: {opportunity: \"" + DEAL + "\", ratings: [{criterion: 3, us: PLUS, note: \"n\"}]}) { assessment { opportunity { id } } }"));
        rows.add(m("addDealCompetitor", Need.EDIT, "a: createCompetitor(input: {account: \"ACC\", key: \"dN\", name: \"D\"}) { competitor { id } } b: addDealCompetitor(opportunity: \"" + DEAL + "\", competitor: \"ACC/dN\") { assessment { competitors { id } } }"));
        rows.add(m("removeDealCompetitor", Need.EDIT, "a: createCompetitor(input: {account: \"ACC\", key: \"eN\", name: \"E\"}) { competitor { id } } b: addDealCompetitor(opportunity: \"" + DEAL + "\", competitor: \"ACC/eN\") { assessment { competitors { id } } } c: removeDealCompetitor(opportunity: \"" + DEAL + "\", competitor: \"ACC/eN\") { assessment { competitors { id } } }"));
        rows.add(m("answerStrategyQuestions", Need.EDIT, "answerStrategyQuestions(input: {opportunity: \"" + DEAL + "\", threeToOneAdvantage: NO}) { opportunity { id } }"));
        rows.add(m("chooseStrategy", Need.EDIT, "chooseStrategy(input: {opportunity: \"" + DEAL + "\", strategy: FLANKING, rationale: \"r\"}) { opportunity { id } }"));
        rows.add(m("setPlan", Need.EDIT, "setPlan(input: {opportunity: \"" + DEAL + "\", goal: \"g\"}) { plan { goal } }"));
        rows.add(m("addTactic", Need.EDIT, "addTactic(input: {opportunity: \"" + DEAL + "\", prime: INSULATE, what: \"w\", owner: \"ACC/NICOLE\", due: \"2027-01-01\"}) { tactic { id owner { id } } }"));
        rows.add(m("updateTactic", Need.EDIT, "updateTactic(input: {id: \"TACTIC\", what: \"w2\"}) { tactic { id } }"));
        rows.add(m("removeTactic", Need.EDIT, "removeTactic(id: \"TACTIC\") { plan { goal } }"));
        rows.add(m("addReviewComment", Need.REVIEW, "addReviewComment(input: {opportunity: \"" + DEAL + "\", reviewer: \"r\", kind: CHALLENGE, text: \"t\"}) { comment { id } }"));
        rows.add(m("answerReviewComment", Need.EDIT, "answerReviewComment(input: {id: \"REVIEW\", presenter: \"p\", answer: \"a\"}) { comment { id } }"));
        rows.add(m("recordStageOutcome", Need.EDIT, "recordStageOutcome(input: {opportunity: \"" + DEAL + "\", outcome: OPPORTUNITY_CONFIRMED_AND_SIZED, met: true, evidence: \"e\"}) { opportunity { id } }"));
        rows.add(m("advanceStage", Need.EDIT, "advanceStage(input: {opportunity: \"" + DEAL + "\", stage: PROOF, override: true, reason: \"r\"}) { opportunity { id } }"));
        // ---- relationship plans and tactic targets
        rows.add(q("relationshipPlan", "{ relationshipPlan(opportunity: \"" + DEAL + "\", stakeholder: \"ACC/deng\") { person { id name } strategy owner { id } } }"));
        rows.add(q("relationshipPlans", "{ relationshipPlans(opportunity: \"" + DEAL + "\") { person { id } strategy overdue } }"));
        rows.add(m("setRelationshipPlan", Need.EDIT, "setRelationshipPlan(input: {opportunity: \"" + DEAL + "\", stakeholder: \"ACC/deng\", strategy: NEUTRALIZE, owner: \"ACC/NICOLE\", nextStep: \"n\"}) { plan { strategy } }"));
        rows.add(m("setTacticTargets", Need.EDIT, "setTacticTargets(tactic: \"TACTIC\", people: [\"ACC/deng\", \"ACC/svp\"]) { tactic { id targets { id } } }"));
        // ---- what-if scenarios (issue 16)
        rows.add(q("scenario", "{ scenario(id: \"ACC/no-such-scenario\") { id } }"));
        rows.add(q("scenarios", "{ scenarios(opportunity: \"" + DEAL + "\") { id comparison { version } } }"));
        rows.add(m("createScenario", Need.EDIT, "createScenario(input: {opportunity: \"" + DEAL + "\", name: \"n\", changes: [{setInvolvement: {stakeholder: \"ACC/deng\", status: NEUTRAL}}]}) { scenario { id comparison { people { person { id } } } } }"));
        rows.add(m("updateScenario", Need.EDIT, "a: createScenario(input: {opportunity: \"" + DEAL + "\", key: \"uN\", name: \"n\", changes: []}) { scenario { id } } b: updateScenario(input: {id: \"ACC/uN\", name: \"m\", changes: [{personLeaves: \"ACC/ops\"}]}) { scenario { id } }"));
        rows.add(m("deleteScenario", Need.EDIT, "a: createScenario(input: {opportunity: \"" + DEAL + "\", key: \"dN\", name: \"n\", changes: []}) { scenario { id } } b: deleteScenario(id: \"ACC/dN\") { removed }"));
        rows.add(m("applyScenario", Need.EDIT, "a: createScenario(input: {opportunity: \"" + DEAL + "\", key: \"aN\", name: \"n\", changes: [{setCoverage: {teamMember: \"ACC/NICOLE\", stakeholder: \"ACC/pmm\", coverage: BRIEF}}]}) { scenario { id } } b: applyScenario(id: \"ACC/aN\") { version }"));
        // ---- CRM import, graph export
        rows.add(q("crmImportProgress", "{ crmImportProgress(account: \"ACC\") { account } }"));
        rows.add(q("exportMap", "{ exportMap(account: \"ACC\", format: GRAPHML) }"));
        rows.add(m("importCrmContacts", Need.EDIT, "importCrmContacts(account: \"ACC\", csv: \"Id,FirstName,LastName\\nc1,Ann,Lee\\n\", dryRun: true) { account dryRun }"));
        rows.add(m("importCrmContactRoles", Need.EDIT, "importCrmContactRoles(account: \"ACC\", csv: \"OpportunityId,ContactId,Role,IsPrimary\\no1,c1,Decision Maker,true\\n\", dryRun: true) { account dryRun }"));
        // ---- influence lines suggested from activity (SUGGESTED: one made for the call, see madeSuggestion)
        rows.add(q("activitySuggestions", "{ activitySuggestions(account: \"ACC\") { totalCount edges { node { id from { key } } } } }"));
        rows.add(m("importActivity", Need.EDIT, "importActivity(account: \"ACC\", files: [{name: \"m.ics\", content: \"BEGIN:VCALENDAR\\nVERSION:2.0\\nPRODID:-//t//t//EN\\nEND:VCALENDAR\\n\"}]) { meetings }"));
        rows.add(m("acceptActivitySuggestion", Need.EDIT, "acceptActivitySuggestion(id: \"SUGGESTED\") { suggestion { state } }"));
        rows.add(m("rejectActivitySuggestion", Need.EDIT, "rejectActivitySuggestion(id: \"SUGGESTED\") { state }"));
        // ---- mutations (team management, administration)
        rows.add(m("createTeamMember", Need.EDIT, "createTeamMember(input: {account: \"ACC\", key: \"mN\", name: \"M\"}) { teamMember { id } }"));
        rows.add(m("updateTeamMember", Need.EDIT, "updateTeamMember(input: {id: \"ACC/NICOLE\", role: \"Sales engineer\"}) { teamMember { id } }"));
        // ---- archive, restore, purge (ARCHIVED_OPPORTUNITY and PURGEABLE_KEY are made archived for the call)
        rows.add(m("archiveAccount", Need.EDIT, "a: archiveAccount(key: \"ACC\") { account { archived } } b: restoreAccount(key: \"ACC\") { account { archived } }"));
        rows.add(m("restoreAccount", Need.EDIT, "restoreAccount(key: \"ACC\") { account { archived } }"));
        rows.add(m("archiveOpportunity", Need.EDIT, "a: createOpportunity(input: {account: \"ACC\", key: \"aN\", name: \"A\"}) { opportunity { id } } b: archiveOpportunity(id: \"ACC/aN\") { opportunity { archived } }"));
        rows.add(m("restoreOpportunity", Need.EDIT, "restoreOpportunity(id: \"" + DEAL + "\") { opportunity { archived } }"));
        rows.add(m("purgeOpportunity", Need.ADMIN, "purgeOpportunity(id: \"ARCHIVED_OPPORTUNITY\") { purged }"));
        rows.add(m("purgeAccount", Need.ADMIN, "purgeAccount(key: \"PURGEABLE_KEY\") { purged }"));
        rows.add(m("createAccount", Need.CREATE, "createAccount(input: {key: \"new-N\", name: \"New\"}) { account { key } }"));
        rows.add(new Row("importBundle", Need.MANAGE, "mutation($bundle: JSON!) { importBundle(bundle: $bundle, merge: true) { account { key } } }",
                Map.of("bundle", "BUNDLE")));
        rows.add(new Row("noop", Need.NONE, "mutation { noop }", Map.of()));
        // ---- the caller's own API tokens (no account data)
        rows.add(new Row("apiTokens", Need.NONE, "{ apiTokens { id name createdAt lastUsedAt } }", Map.of()));
        rows.add(m("createApiToken", Need.NONE, "createApiToken(input: {name: \"matrix N\"}) { token apiToken { id } }"));
        rows.add(m("revokeApiToken", Need.NONE, "revokeApiToken(id: \"no-such-token\")"));
        return rows;
    }

    /** Root fields that list several accounts; checked for what they show, not by the table. */
    static final Set<String> LISTS = Set.of("accounts", "coverageGaps", "coverageGapRollups");

    private static Row q(String field, String document) {
        return new Row(field, Need.READ, document, Map.of());
    }

    private static Row m(String field, Need need, String body) {
        return new Row(field, need, "mutation { " + body + " }", Map.of());
    }

    @Autowired
    private GraphQlSource graphQlSource;

    private final AtomicInteger unique = new AtomicInteger();

    @TestFactory
    Stream<DynamicTest> everyRoleAgainstEveryEntryPoint() throws Exception {
        TestBundles.importBundle(http, "course-example.json");
        http.post().uri("/api/bundles").contentType(MediaType.APPLICATION_JSON).bodyValue(bundle(FOREIGN))
                .exchange().expectStatus().isOk();
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("the table names every root field of the schema", () -> {
            GraphQLSchema schema = graphQlSource.schema();
            Set<String> fields = new TreeSet<>();
            schema.getQueryType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(fields::add);
            schema.getMutationType().getFieldDefinitions().stream().map(GraphQLFieldDefinition::getName).forEach(fields::add);
            Set<String> covered = new TreeSet<>(LISTS);
            rows().forEach(r -> covered.add(r.field()));
            assertThat(covered).as("root fields without a row in the authorization matrix")
                    .containsAll(fields);
        }));
        for (String user : USERS) {
            Clients clients = as(user);
            for (Row row : rows()) {
                for (String account : List.of(OWN, FOREIGN)) {
                    tests.add(DynamicTest.dynamicTest(user + " " + row.field() + " on " + account
                            + " [" + row.document().substring(0, Math.min(60, row.document().length())) + "]",
                            () -> check(user, clients.http(), row, account)));
                }
            }
            tests.add(DynamicTest.dynamicTest(user + " accounts and coverageGaps list only what they may read",
                    () -> checkLists(user, clients.http())));
            tests.add(DynamicTest.dynamicTest(user + " REST bundle export and import",
                    () -> checkRest(user, clients.http())));
        }
        return tests.stream();
    }

    private void check(String user, WebTestClient client, Row row, String account) throws Exception {
        boolean admin = user.equals("admin");
        boolean own = account.equals(OWN);
        boolean allowed = switch (row.need()) {
            case NONE -> true;
            case READ, REVIEW -> admin || own;
            case EDIT -> admin || own && (user.equals("randy") || user.equals("nicole"));
            case MANAGE -> admin || own && user.equals("randy");
            case ADMIN -> admin;
            case CREATE -> !user.equals("coach");
        };
        int n = unique.incrementAndGet();
        JsonNode answer = call(client, row, account, n);
        if (allowed && row.mixed() && !own) {
            // Even an administrator cannot mix accounts in one request: refused as bad input, not for access.
            assertThat(answer.path("errors").get(0).path("extensions").path("classification").asText())
                    .as("%s mixing accounts in %s: %s", user, row.field(), answer).isIn("BAD_REQUEST", "NOT_FOUND");
            return;
        }
        if (allowed) {
            assertThat(answer.path("errors").isMissingNode() || answer.path("errors").isEmpty())
                    .as("%s may use %s on %s: %s", user, row.field(), account, answer).isTrue();
            return;
        }
        if (own || row.need() == Need.ADMIN || row.need() == Need.CREATE) {
            assertThat(answer.path("errors").get(0).path("extensions").path("classification").asText())
                    .as("%s is refused %s on %s: %s", user, row.field(), account, answer).isEqualTo("FORBIDDEN");
            return;
        }
        JsonNode ghost = call(client, row, GHOST, n);
        assertThat(answer.toString().replace(FOREIGN, "ACC")).as("%s on a foreign account looks like a missing one", row.field())
                .isEqualTo(ghost.toString().replace(GHOST, "ACC"));
        assertThat(answer.toString()).doesNotContain("Sam Ortiz").doesNotContain("Pat Morgan");
    }

    private JsonNode call(WebTestClient client, Row row, String account, int n) throws Exception {
        String document = row.document().replace("ACC", account).replace("NICOLE", account.equals(OWN) ? "nicole" : "yuri")
                .replace("N\"", n + "\"");
        if (document.contains("\"TACTIC\"")) {
            document = document.replace("\"TACTIC\"", "\"" + made(account, n, "addTactic(input: {opportunity: \"%s\", what: \"made for the matrix\"}) { tactic { id } }", "tactic") + "\"");
        }
        if (document.contains("\"REVIEW\"")) {
            document = document.replace("\"REVIEW\"", "\"" + made(account, n, "addReviewComment(input: {opportunity: \"%s\", reviewer: \"r\", kind: CHALLENGE, text: \"made for the matrix\"}) { comment { id } }", "comment") + "\"");
        }
        if (document.contains("\"SUGGESTED\"")) {
            document = document.replace("\"SUGGESTED\"", "\"" + madeSuggestion(account, n) + "\"");
        }
        if (document.contains("\"ARCHIVED_OPPORTUNITY\"")) {
            document = document.replace("\"ARCHIVED_OPPORTUNITY\"", "\"" + made(account, n, "createOpportunity(input: {account: \"" + account + "\", key: \"purge-" + n + "\", name: \"To purge\"}) { opportunity { id } } archived: archiveOpportunity(id: \"" + account + "/purge-" + n + "\") { opportunity { archivedAt } }", "opportunity") + "\"");
        }
        if (document.contains("\"PURGEABLE_KEY\"")) {
            // An account of its own, archived by the administrator: a purge must never take the matrix's accounts.
            String key = "new-purge-" + account + "-" + n;
            post(http, "mutation { a: createAccount(input: {key: \"" + key + "\", name: \"To purge\"}) { account { key } } b: archiveAccount(key: \"" + key + "\") { account { key } } }", Map.of());
            document = document.replace("\"PURGEABLE_KEY\"", "\"" + key + "\"");
        }
        Map<String, Object> variables = new HashMap<>();
        for (Map.Entry<String, Object> v : row.variables().entrySet()) {
            variables.put(v.getKey(), v.getValue().equals("BUNDLE") ? JSON.readValue(bundle(account), Map.class)
                    : v.getValue());
        }
        return post(client, document, variables);
    }

    /** Sends the document as written: no placeholders replaced. */
    private static JsonNode post(WebTestClient client, String document, Map<String, Object> variables)
            throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", document);
        body.put("variables", variables);
        byte[] response = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(JSON.writeValueAsString(body)).exchange().expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        return JSON.readTree(response);
    }

    /** Keys of the items made for call n, so the ghost account's call names the same key. */
    private final Map<Integer, String> madeKeys = new HashMap<>();

    /**
     * Makes an item (as the administrator) in the account's deal for a row that needs an existing one, and
     * returns its id; for the account that does not exist, the same key under that account.
     */
    private String made(String account, int n, String mutation, String payloadField) throws Exception {
        if (account.equals(GHOST)) {
            return GHOST + "/" + madeKeys.get(n);
        }
        String deal = DEAL.replace("ACC", account);
        String body = JSON.writeValueAsString(Map.of("query", "mutation { made: " + mutation.formatted(deal) + " }"));
        JsonNode answer = JSON.readTree(http.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body).exchange().expectStatus().isOk().expectBody().returnResult().getResponseBody());
        String id = answer.path("data").path("made").path(payloadField).path("id").asText();
        assertThat(id).as("item made for the matrix: %s", answer).startsWith(account + "/");
        madeKeys.put(n, id.substring(id.indexOf('/') + 1));
        return id;
    }

    /**
     * An open activity suggestion of the account, made as the administrator: two new people with addresses and
     * three one-to-ones the first organised with the second.
     */
    private String madeSuggestion(String account, int n) throws Exception {
        if (account.equals(GHOST)) {
            return GHOST + "/" + madeKeys.get(n);
        }
        StringBuilder ics = new StringBuilder("BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//matrix//matrix//EN\n");
        for (int i = 1; i <= 3; i++) {
            ics.append("BEGIN:VEVENT\nUID:m").append(n).append('-').append(i).append("\nDTSTAMP:20260101T000000Z\n")
                    .append("DTSTART:2026010").append(i).append("T090000Z\nSUMMARY:one to one\n")
                    .append("ORGANIZER:mailto:a").append(n).append("@matrix.example\n")
                    .append("ATTENDEE:mailto:b").append(n).append("@matrix.example\nEND:VEVENT\n");
        }
        ics.append("END:VCALENDAR\n");
        String mutation = """
                mutation($files: [ActivityFileInput!]!) {
                  a: createStakeholder(input: {account: "%1$s", key: "a%2$d", name: "A", email: "a%2$d@matrix.example"}) { stakeholder { id } }
                  b: createStakeholder(input: {account: "%1$s", key: "b%2$d", name: "B", email: "b%2$d@matrix.example"}) { stakeholder { id } }
                  c: importActivity(account: "%1$s", files: $files, options: {from: "2025-12-01", to: "2026-01-04"}) { suggested }
                }""".formatted(account, n);
        JsonNode made = post(http, mutation, Map.of("files", List.of(Map.of("name", "m.ics", "content", ics.toString()))));
        assertThat(made.path("data").path("c").path("suggested").asInt()).as("suggestion made: %s", made).isEqualTo(1);
        JsonNode list = post(http, "{ activitySuggestions(account: \"" + account + "\", first: 500) { edges { node { id from { key } } } } }", Map.of());
        for (JsonNode edge : list.path("data").path("activitySuggestions").path("edges")) {
            if (edge.path("node").path("from").path("key").asText().equals("a" + n)) {
                String id = edge.path("node").path("id").asText();
                madeKeys.put(n, id.substring(id.indexOf('/') + 1));
                return id;
            }
        }
        throw new AssertionError("no suggestion made for the matrix: " + list);
    }

    private void checkLists(String user, WebTestClient client) throws Exception {
        Set<String> visible = user.equals("admin") ? Set.of(OWN, FOREIGN) : Set.of(OWN);
        // Sent verbatim, not through call(): its placeholder ACC would turn "groupBy: ACCOUNT" into another word.
        JsonNode accounts = list(client, user, "{ accounts(first: 100) { edges { node { key } } } }");
        Set<String> keys = new TreeSet<>();
        accounts.path("data").path("accounts").path("edges").forEach(e -> keys.add(e.path("node").path("key").asText()));
        assertThat(keys).as("accounts %s sees", user).containsAll(visible).allMatch(k -> visible.contains(k)
                || k.startsWith("new-"));
        JsonNode gaps = list(client, user,
                "{ coverageGaps(first: 500) { totalCount edges { node { opportunity { id } people { id } } } } }");
        Set<String> gapAccounts = new TreeSet<>();
        gaps.path("data").path("coverageGaps").path("edges").forEach(e -> {
            gapAccounts.add(e.path("node").path("opportunity").path("id").asText().split("/")[0]);
            e.path("node").path("people").forEach(p -> gapAccounts.add(p.path("id").asText().split("/")[0]));
        });
        assertThat(gapAccounts).as("coverage gaps %s sees", user).isEqualTo(visible);
        JsonNode rollups = list(client, user, "{ coverageGapRollups(groupBy: ACCOUNT) { key total } }");
        Set<String> rolledUp = new TreeSet<>();
        rollups.path("data").path("coverageGapRollups").forEach(r -> rolledUp.add(r.path("key").asText()));
        assertThat(rolledUp).as("coverage gap roll-ups %s sees", user).isEqualTo(visible);
    }

    /** A list query every signed-in user may ask: answered without errors (an error would read as an empty list). */
    private static JsonNode list(WebTestClient client, String user, String document) throws Exception {
        JsonNode answer = post(client, document, Map.of());
        assertThat(answer.path("errors").isMissingNode() || answer.path("errors").isEmpty())
                .as("%s asks %s: %s", user, document, answer).isTrue();
        return answer;
    }

    private void checkRest(String user, WebTestClient client) {
        boolean admin = user.equals("admin");
        for (String account : List.of(OWN, FOREIGN)) {
            boolean mayRead = admin || account.equals(OWN);
            var export = client.get().uri("/api/accounts/{key}/bundle", account).exchange();
            if (mayRead) {
                export.expectStatus().isOk();
            } else {
                String denied = export.expectStatus().isNotFound().expectBody(String.class).returnResult()
                        .getResponseBody();
                String missing = client.get().uri("/api/accounts/{key}/bundle", GHOST).exchange()
                        .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
                assertThat(denied.replace(FOREIGN, "ACC")).isEqualTo(missing.replace(GHOST, "ACC"));
            }
            boolean mayImport = admin || account.equals(OWN) && user.equals("randy");
            var imported = client.post().uri("/api/bundles?merge=true").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(bundle(account)).exchange();
            if (mayImport) {
                imported.expectStatus().isOk();
            } else {
                imported.expectStatus().isForbidden();
            }
        }
    }

    /** The course example as the bundle of an account; other accounts get another team (zoe and yuri). */
    static String bundle(String account) {
        String json = TestBundles.read("course-example.json");
        if (account.equals(OWN)) {
            return json;
        }
        return json.replace("\"" + OWN + "\"", "\"" + account + "\"").replace("\"randy\"", "\"zoe\"")
                .replace("\"nicole\"", "\"yuri\"");
    }
}
