package io.innercircle.map;

import org.springframework.graphql.test.tester.GraphQlTester;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small map drawn the way a rep draws one, through the GraphQL mutations:
 * <pre>
 *   ceo (rank 5)  <- consultant (external) influences ceo (2)
 *    |-- cto (4)  <- eng influences cto (3); cto influences cfo (1); cto and cfo in conflict
 *    |    '-- eng (2)
 *    '-- cfo (4)
 * </pre>
 * Randy covers cto in depth; in deal "acme/erp" cto is decision maker and supporter, ceo approver and neutral.
 */
final class AcmeMap {

    static final String ACCOUNT = "acme";

    private AcmeMap() {
    }

    static void draw(GraphQlTester graphQl) {
        run(graphQl, "createAccount", Map.of("key", ACCOUNT, "name", "Acme Corp", "industry", "Machinery"));
        run(graphQl, "createTeamMember", Map.of("account", ACCOUNT, "key", "randy", "name", "Randy", "role", "Account manager"));
        run(graphQl, "createCompetitor", Map.of("account", ACCOUNT, "key", "x-sys", "name", "X-Sys"));
        run(graphQl, "createOpportunity", Map.of("account", ACCOUNT, "key", "erp", "name", "ERP renewal",
                "amount", 250000.0, "currency", "EUR", "closeDate", "2027-06-30", "stage", "DEVELOP",
                "competitor", "acme/x-sys"));
        person(graphQl, "ceo", "Ada Chief", "CEO", "Executive", null, 5);
        person(graphQl, "cto", "Bob Tech", "CTO", "Engineering", "acme/ceo", 4);
        person(graphQl, "cfo", "Cy Money", "CFO", "Finance", "acme/ceo", 4);
        person(graphQl, "eng", "Dee Build", "Lead Engineer", "Engineering", "acme/cto", 2);
        Map<String, Object> consultant = new HashMap<>(Map.of("account", ACCOUNT, "key", "consultant",
                "name", "Eve Advisor", "title", "Consultant", "external", true, "rank", 2));
        run(graphQl, "createStakeholder", consultant);
        influence(graphQl, "eng", "cto", 3);
        influence(graphQl, "consultant", "ceo", 2);
        influence(graphQl, "cto", "cfo", 1);
        run(graphQl, "setConflict", Map.of("between", List.of("acme/cto", "acme/cfo"), "note", "budget"));
        run(graphQl, "recordContact", Map.of("teamMember", "acme/randy", "stakeholder", "acme/cto",
                "coverage", "IN_DEPTH", "lastContact", "2026-10-01", "relationship", "TRUSTED_ADVISOR"));
        run(graphQl, "setInvolvement", Map.of("opportunity", "acme/erp", "stakeholder", "acme/cto",
                "roles", List.of("DECISION_MAKER"), "status", "SUPPORTER"));
        run(graphQl, "setInvolvement", Map.of("opportunity", "acme/erp", "stakeholder", "acme/ceo",
                "roles", List.of("APPROVER"), "status", "NEUTRAL"));
    }

    static void person(GraphQlTester graphQl, String key, String name, String title, String department,
                       String reportsTo, int rank) {
        Map<String, Object> input = new HashMap<>(Map.of("account", ACCOUNT, "key", key, "name", name,
                "title", title, "department", department, "rank", rank));
        if (reportsTo != null) {
            input.put("reportsTo", reportsTo);
        }
        run(graphQl, "createStakeholder", input);
    }

    static void influence(GraphQlTester graphQl, String from, String to, int strength) {
        run(graphQl, "setInfluence", Map.of("from", ACCOUNT + "/" + from, "to", ACCOUNT + "/" + to,
                "strength", strength));
    }

    static GraphQlTester.Response run(GraphQlTester graphQl, String document, Map<String, Object> input) {
        GraphQlTester.Response response = graphQl.documentName(document).variable("input", input).execute();
        response.errors().verify();
        return response;
    }
}
