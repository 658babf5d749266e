package io.innercircle.map;

import io.innercircle.support.IntegrationTest;
import io.innercircle.support.Neo4jHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/** Every edit a rep makes, through GraphQL, and every way to get one wrong. */
class MapEditsTest extends IntegrationTest {

    @BeforeEach
    void draw() {
        AcmeMap.draw(graphQl);
    }

    // ---- edits that work

    @Test
    void createdStakeholderComesBackWithEveryField() {
        Map<String, Object> input = new HashMap<>(Map.of("account", "acme", "key", "ops", "name", "Fay Ops",
                "title", "Operations Manager", "department", "Operations", "reportsTo", "acme/cto",
                "adaptability", "PRAGMATIST", "rank", 3, "influence", 4, "innerCircle", true));
        input.putAll(Map.of("placeholder", false, "businessAgenda", "uptime", "personalAgenda", "promotion",
                "notes", "met at the fair"));
        var s = AcmeMap.run(graphQl, "createStakeholder", input);
        s.path("createStakeholder.stakeholder.id").entity(String.class).isEqualTo("acme/ops");
        s.path("createStakeholder.stakeholder.reportsTo.id").entity(String.class).isEqualTo("acme/cto");
        s.path("createStakeholder.stakeholder.adaptability").entity(String.class).isEqualTo("PRAGMATIST");
        s.path("createStakeholder.stakeholder.influence").entity(Integer.class).isEqualTo(4);
        s.path("createStakeholder.stakeholder.innerCircle").entity(Boolean.class).isEqualTo(true);
        s.path("createStakeholder.stakeholder.external").entity(Boolean.class).isEqualTo(false);
        s.path("createStakeholder.stakeholder.personalAgenda").entity(String.class).isEqualTo("promotion");
    }

    @Test
    void updateIsAPatchAbsentFieldsStayNullFieldsClear() {
        long before = version();
        var s = AcmeMap.run(graphQl, "updateStakeholder", new HashMap<>(Map.of("id", "acme/cto",
                "influence", 5, "notes", "likes demos")));
        s.path("updateStakeholder.stakeholder.title").entity(String.class).isEqualTo("CTO");
        s.path("updateStakeholder.stakeholder.influence").entity(Integer.class).isEqualTo(5);
        Map<String, Object> clear = new HashMap<>();
        clear.put("id", "acme/cto");
        clear.put("title", null);
        var cleared = AcmeMap.run(graphQl, "updateStakeholder", clear);
        cleared.path("updateStakeholder.stakeholder.title").valueIsNull();
        cleared.path("updateStakeholder.stakeholder.notes").entity(String.class).isEqualTo("likes demos");
        assertThat(version()).isEqualTo(before + 2);
    }

    @Test
    void reportsToCanBeMovedAndCleared() {
        graphQl.documentName("setReportsTo").variable("stakeholder", "acme/eng").variable("manager", "acme/cfo")
                .execute().path("setReportsTo.stakeholder.reportsTo.id").entity(String.class).isEqualTo("acme/cfo");
        graphQl.documentName("setReportsTo").variable("stakeholder", "acme/eng").variable("manager", null)
                .execute().path("setReportsTo.stakeholder.reportsTo").valueIsNull();
        assertThat(count("MATCH (:Stakeholder {key: 'eng'})-[r:REPORTS_TO]->() RETURN count(r)")).isZero();
    }

    @Test
    void influenceLinesAreUpsertedAndRemoved() {
        var updated = AcmeMap.run(graphQl, "setInfluence", Map.of("from", "acme/eng", "to", "acme/cto",
                "strength", 1, "note", "less than before"));
        updated.path("setInfluence.influence.strength").entity(Integer.class).isEqualTo(1);
        updated.path("setInfluence.influence.note").entity(String.class).isEqualTo("less than before");
        var added = AcmeMap.run(graphQl, "setInfluence", Map.of("from", "acme/cfo", "to", "acme/ceo"));
        added.path("setInfluence.influence.strength").entity(Integer.class).isEqualTo(2);
        assertThat(count("MATCH (:Stakeholder {key: 'eng'})-[r:INFLUENCES]->() RETURN count(r)")).isEqualTo(1);
        graphQl.documentName("removeInfluence").variable("from", "acme/eng").variable("to", "acme/cto").execute()
                .path("removeInfluence.removed[0]").entity(String.class).isEqualTo("acme/eng -> acme/cto");
        assertThat(count("MATCH (:Stakeholder {key: 'eng'})-[r:INFLUENCES]->() RETURN count(r)")).isZero();
    }

    @Test
    void conflictLinesHaveNoDirection() {
        AcmeMap.run(graphQl, "setConflict", Map.of("between", List.of("acme/cfo", "acme/cto"), "note", "still"));
        assertThat(count("MATCH (:Stakeholder)-[r:CONFLICTS_WITH]->(:Stakeholder) RETURN count(r)")).isEqualTo(1);
        graphQl.documentName("removeConflict").variable("between", List.of("acme/cfo", "acme/cto")).execute()
                .path("removeConflict.removed").entityList(String.class).hasSize(1);
        assertThat(count("MATCH ()-[r:CONFLICTS_WITH]->() RETURN count(r)")).isZero();
    }

    @Test
    void contactsAreRecordedUpdatedAndRemoved() {
        var c = AcmeMap.run(graphQl, "recordContact", Map.of("teamMember", "acme/randy", "stakeholder", "acme/cto",
                "coverage", "BRIEF"));
        c.path("recordContact.contact.coverage").entity(String.class).isEqualTo("BRIEF");
        c.path("recordContact.contact.lastContact").valueIsNull();
        graphQl.documentName("removeContact").variable("teamMember", "acme/randy").variable("stakeholder", "acme/cto")
                .execute().path("removeContact.removed").entityList(String.class).hasSize(1);
        assertThat(count("MATCH ()-[r:HAS_CONTACT]->() RETURN count(r)")).isZero();
    }

    @Test
    void involvementHoldsRolesAndStatusAndDisappearsWhenEmptied() {
        var i = AcmeMap.run(graphQl, "setInvolvement", Map.of("opportunity", "acme/erp", "stakeholder", "acme/eng",
                "roles", List.of("EVALUATOR", "USER"), "status", "MENTOR"));
        i.path("setInvolvement.involvement.roles").entityList(String.class).containsExactly("EVALUATOR", "USER");
        i.path("setInvolvement.involvement.status").entity(String.class).isEqualTo("MENTOR");
        Map<String, Object> empty = new HashMap<>(Map.of("opportunity", "acme/erp", "stakeholder", "acme/eng",
                "roles", List.of()));
        AcmeMap.run(graphQl, "setInvolvement", empty).path("setInvolvement.involvement").valueIsNull();
        assertThat(count("MATCH (:Stakeholder {key: 'eng'})-[r:INVOLVED_IN]->() RETURN count(r)")).isZero();
    }

    @Test
    void removingAPersonRemovesTheirLinesAndLeavesTheirReportsWithoutManager() {
        graphQl.documentName("removeStakeholder").variable("id", "acme/cto").execute()
                .path("removeStakeholder.removed").entityList(String.class).containsExactly("acme/cto");
        assertThat(count("MATCH (s:Stakeholder {account: 'acme'}) RETURN count(s)")).isEqualTo(4);
        assertThat(count("MATCH (:Stakeholder {key: 'eng'})-[r]-() RETURN count(r)")).isZero();
        assertThat(count("MATCH ()-[r:CONFLICTS_WITH]->() RETURN count(r)")).isZero();
    }

    @Test
    void opportunitiesTeamMembersAndCompetitorsAreEditable() {
        AcmeMap.run(graphQl, "createCompetitor", Map.of("account", "acme", "key", "y-soft", "name", "Y-Soft"));
        var o = AcmeMap.run(graphQl, "updateOpportunity", new HashMap<>(Map.of("id", "acme/erp", "stage", "QUALIFY",
                "competitor", "acme/y-soft", "strategy", "FLANKING", "goal", "Trusted adviser")));
        o.path("updateOpportunity.opportunity.stage").entity(String.class).isEqualTo("QUALIFY");
        o.path("updateOpportunity.opportunity.competitor.name").entity(String.class).isEqualTo("Y-Soft");
        o.path("updateOpportunity.opportunity.strategy").entity(String.class).isEqualTo("FLANKING");
        o.path("updateOpportunity.opportunity.closeDate").entity(String.class).isEqualTo("2027-06-30");
        AcmeMap.run(graphQl, "updateTeamMember", Map.of("id", "acme/randy", "role", "Key account manager"))
                .path("updateTeamMember.teamMember.role").entity(String.class).isEqualTo("Key account manager");
        AcmeMap.run(graphQl, "updateCompetitor", Map.of("id", "acme/y-soft", "name", "Y Software"))
                .path("updateCompetitor.competitor.name").entity(String.class).isEqualTo("Y Software");
        AcmeMap.run(graphQl, "updateAccount", Map.of("key", "acme", "notes", "priority account"))
                .path("updateAccount.account.notes").entity(String.class).isEqualTo("priority account");
    }

    @Test
    void everyEditBumpsTheAccountVersionOnce() {
        long before = version();
        AcmeMap.influence(graphQl, "cfo", "ceo", 2);
        AcmeMap.run(graphQl, "recordContact", Map.of("teamMember", "acme/randy", "stakeholder", "acme/ceo",
                "coverage", "BRIEF"));
        assertThat(version()).isEqualTo(before + 2);
    }

    // ---- refused edits: the error names the field and the reason, and nothing changes

    @Test
    void unknownIdsAreNotFound() {
        refused("setInfluence", Map.of("from", "acme/eng", "to", "acme/ghost"), "input.to", "NOT_FOUND", "acme/ghost");
        refused("createStakeholder", Map.of("account", "nope", "key", "x", "name", "X"), "input.account", "NOT_FOUND",
                "nope");
        refused("setInvolvement", Map.of("opportunity", "acme/none", "stakeholder", "acme/cto", "roles", List.of()),
                "input.opportunity", "NOT_FOUND", "acme/none");
        refused("recordContact", Map.of("teamMember", "acme/nobody", "stakeholder", "acme/cto", "coverage", "BRIEF"),
                "input.teamMember", "NOT_FOUND", "acme/nobody");
        refused("createOpportunity", Map.of("account", "acme", "key", "o2", "name", "O2", "competitor", "acme/zz"),
                "input.competitor", "NOT_FOUND", "acme/zz");
    }

    @Test
    void outOfRangeValuesAreRefused() {
        refused("updateStakeholder", Map.of("id", "acme/cto", "rank", 7), "input.rank", "BAD_REQUEST", "between 1 and 5");
        refused("updateStakeholder", Map.of("id", "acme/cto", "influence", 0), "input.influence", "BAD_REQUEST",
                "between 1 and 5");
        refused("setInfluence", Map.of("from", "acme/eng", "to", "acme/ceo", "strength", 4), "input.strength",
                "BAD_REQUEST", "between 1 and 3");
        refused("createOpportunity", Map.of("account", "acme", "key", "o2", "name", "O2", "amount", -5.0),
                "input.amount", "BAD_REQUEST", "zero or more");
        refused("createOpportunity", Map.of("account", "acme", "key", "o2", "name", "O2", "currency", "euro"),
                "input.currency", "BAD_REQUEST", "three-letter");
        refused("recordContact", Map.of("teamMember", "acme/randy", "stakeholder", "acme/ceo", "coverage", "BRIEF",
                "lastContact", "2999-01-01"), "input.lastContact", "BAD_REQUEST", "future");
    }

    @Test
    void aReportingCycleIsRefused() {
        long before = version();
        graphQl.documentName("setReportsTo").variable("stakeholder", "acme/ceo").variable("manager", "acme/eng")
                .execute().errors().satisfy(expect("manager", "BAD_REQUEST", "cycle"));
        graphQl.documentName("setReportsTo").variable("stakeholder", "acme/ceo").variable("manager", "acme/ceo")
                .execute().errors().satisfy(expect("manager", "BAD_REQUEST", "themselves"));
        assertThat(count("MATCH (:Stakeholder {key: 'ceo'})-[r:REPORTS_TO]->() RETURN count(r)")).isZero();
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void selfLoopsAreRefused() {
        refused("setInfluence", Map.of("from", "acme/cto", "to", "acme/cto"), "input.to", "BAD_REQUEST", "themselves");
        refused("setConflict", Map.of("between", List.of("acme/cto", "acme/cto")), "input.between", "BAD_REQUEST",
                "themselves");
        refused("setConflict", Map.of("between", List.of("acme/cto")), "input.between", "BAD_REQUEST", "exactly two");
    }

    @Test
    void duplicateKeysAreRefused() {
        refused("createStakeholder", Map.of("account", "acme", "key", "cto", "name", "Another"), "input.key",
                "BAD_REQUEST", "already exists");
        refused("createAccount", Map.of("key", "acme", "name", "Again"), "input.key", "BAD_REQUEST", "already exists");
        refused("createTeamMember", Map.of("account", "acme", "key", "randy", "name", "R2"), "input.key", "BAD_REQUEST",
                "already exists");
        refused("createCompetitor", Map.of("account", "acme", "key", "x-sys", "name", "X2"), "input.key",
                "BAD_REQUEST", "already exists");
        refused("createOpportunity", Map.of("account", "acme", "key", "erp", "name", "E2"), "input.key",
                "BAD_REQUEST", "already exists");
        refused("setInvolvement", Map.of("opportunity", "acme/erp", "stakeholder", "acme/cto",
                "roles", List.of("USER", "USER")), "input.roles", "BAD_REQUEST", "twice");
    }

    @Test
    void overLongTextAndBadKeysAreRefused() {
        refused("updateStakeholder", Map.of("id", "acme/cto", "title", "x".repeat(501)), "input.title", "BAD_REQUEST",
                "at most 500");
        refused("updateStakeholder", Map.of("id", "acme/cto", "notes", "x".repeat(10_001)), "input.notes",
                "BAD_REQUEST", "at most 10000");
        refused("createStakeholder", Map.of("account", "acme", "key", "has space", "name", "X"), "input.key",
                "BAD_REQUEST", "letters, digits");
        refused("createStakeholder", Map.of("account", "acme", "key", "ok", "name", " "), "input.name", "BAD_REQUEST",
                "empty");
        refused("updateStakeholder", Map.of("id", "not-an-id"), "input.id", "BAD_REQUEST", "account key");
    }

    @Test
    void linesCannotCrossAccounts() {
        AcmeMap.run(graphQl, "createAccount", Map.of("key", "other", "name", "Other"));
        AcmeMap.run(graphQl, "createStakeholder", Map.of("account", "other", "key", "boss", "name", "Boss"));
        refused("setInfluence", Map.of("from", "acme/cto", "to", "other/boss"), "input.to", "BAD_REQUEST",
                "another account");
    }

    @Test
    void aRefusedEditWritesNothingEvenAfterPartialWork() {
        // createStakeholder with an unknown manager fails after the account check: nothing may remain.
        long before = version();
        refused("createStakeholder", Map.of("account", "acme", "key", "new", "name", "New", "reportsTo", "acme/zz"),
                "input.reportsTo", "NOT_FOUND", "acme/zz");
        assertThat(count("MATCH (s:Stakeholder {key: 'new'}) RETURN count(s)")).isZero();
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void typeErrorsAreCaughtByTheSchema() {
        graphQl.documentName("setInfluence").variable("input", Map.of("from", "acme/eng", "to", "acme/ceo",
                        "strength", "strong")).execute()
                .errors().satisfy(errors -> {
                    assertThat(errors).isNotEmpty();
                    assertThat(errors.get(0).getErrorType().toString()).isEqualTo("ValidationError");
                    // graphql-java names the variable and the expected type, before any of our code runs.
                    assertThat(errors.get(0).getMessage()).contains("'input'").contains("Int");
                });
    }

    @Test
    void tooDeepQueriesAreRefused() {
        String deep = "{ stakeholder(id: \"acme/eng\") { reportsTo { reportsTo { reportsTo { reportsTo { reportsTo "
                + "{ reportsTo { reportsTo { reportsTo { reportsTo { reportsTo { reportsTo { reportsTo { name } } } } } "
                + "} } } } } } } } }";
        graphQl.document(deep).execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors.get(0).getMessage()).containsIgnoringCase("depth");
        });
    }

    @Test
    void schemaIntrospectionAsGraphiQlSendsItIsNotLimited() {
        // GraphiQL's introspection nests ofType 7 times under __schema.types.fields.type (depth 13); this goes
        // deeper still.
        String ofType = "kind name ofType { ".repeat(9) + "kind name" + " }".repeat(9);
        graphQl.document("{ __schema { types { fields { type { " + ofType + " } } } } }").execute()
                .path("__schema.types").entityList(Object.class).hasSizeGreaterThan(50);
        // The exemption is for introspection alone: a deep data query next to it is still refused.
        graphQl.document("{ __schema { types { name } } stakeholder(id: \"acme/eng\") { "
                        + "reportsTo { ".repeat(12) + "name" + " }".repeat(12) + " } }").execute()
                .errors().satisfy(errors -> assertThat(errors.get(0).getMessage()).containsIgnoringCase("depth"));
    }

    @Test
    void tooComplexQueriesAreRefused() {
        StringBuilder wide = new StringBuilder("{");
        for (int i = 0; i < 1001; i++) {
            wide.append(" a").append(i).append(": ping");
        }
        graphQl.document(wide.append(" }").toString()).execute().errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            // Refused before it runs by the query limits (api/QueryLimits): here the alias limit.
            assertThat(errors.get(0).getExtensions()).containsEntry("classification", "BAD_REQUEST")
                    .containsKey("aliases");
        });
    }

    // ---- helpers

    private void refused(String document, Map<String, Object> input, String field, String classification,
                         String reasonContains) {
        long before = version();
        long nodes = count("MATCH (n) RETURN count(n)");
        long rels = count("MATCH ()-[r]->() RETURN count(r)");
        graphQl.documentName(document).variable("input", input).execute().errors()
                .satisfy(expect(field, classification, reasonContains));
        assertThat(version()).as("account version after refused " + document).isEqualTo(before);
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(nodes);
        assertThat(count("MATCH ()-[r]->() RETURN count(r)")).isEqualTo(rels);
    }

    private static Consumer<List<ResponseError>> expect(String field, String classification, String reasonContains) {
        return errors -> {
            assertThat(errors).hasSize(1);
            ResponseError e = errors.get(0);
            assertThat(e.getExtensions()).containsEntry("classification", classification).containsEntry("field", field);
            assertThat((String) e.getExtensions().get("reason")).contains(reasonContains);
            assertThat(e.getMessage()).startsWith(field + ": ");
        };
    }

    private static long version() {
        return count("MATCH (a:Account {key: 'acme'}) RETURN a.version");
    }

    static long count(String cypher) {
        return Neo4jHarness.database().executeTransactionally(cypher, Map.of(),
                r -> ((Number) r.next().values().iterator().next()).longValue());
    }

}
