package io.innercircle.crm.internal;

import io.innercircle.support.SecondAppTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static io.innercircle.crm.internal.CrmTestSupport.IMPORT_ROLES;
import static io.innercircle.crm.internal.CrmTestSupport.graphQlImport;
import static io.innercircle.crm.internal.CrmTestSupport.list;
import static io.innercircle.crm.internal.CrmTestSupport.number;
import static io.innercircle.crm.internal.CrmTestSupport.postCsv;
import static io.innercircle.crm.internal.CrmTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Opportunity contact roles: CRM roles to buying roles, hand-set roles and statuses kept, problems reported. */
class CrmRoleImportTest extends SecondAppTest {

    static final String DEAL = "0065g00000DEAL1";
    static final String P = "globex/0035g00000";
    static final Map<String, Object> LINK = Map.of("opportunities",
            List.of(Map.of("crmKey", DEAL, "opportunity", "globex/platform")));

    @BeforeEach
    void contactsAndAnOpportunity() {
        postCsv(http, "/api/accounts/globex/imports/contacts?crmAccount=0015g00000GLOBX",
                CsvFileTest.fixture("salesforce-contacts.csv"), 200);
        graphQl.document("mutation { createOpportunity(input: {account: \"globex\", key: \"platform\", "
                + "name: \"Platform\"}) { opportunity { id } } }").execute().errors().verify();
    }

    private Map<String, List<Object>> involvements() {
        Map<String, List<Object>> found = new java.util.TreeMap<>();
        graphQl.document("{ opportunity(id: \"globex/platform\") { involvements { stakeholder { key } roles status } } }")
                .execute().path("opportunity.involvements").entityList(Map.class).get()
                .forEach(i -> found.put((String) ((Map<?, ?>) i.get("stakeholder")).get("key"),
                        List.of(i.get("roles"), String.valueOf(i.get("status")))));
        return found;
    }

    private void setInvolvement(String person, List<String> roles, String status) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("opportunity", "globex/platform",
                "stakeholder", P + person, "roles", roles));
        input.put("status", status);
        graphQl.document("mutation($i: InvolvementInput!) { setInvolvement(input: $i) { involvement { status } } }")
                .variable("i", input)
                .execute().errors().verify();
    }

    @Test
    void crmRolesBecomeBuyingRolesAndRolesWithoutAMeaningAreReported() {
        String csv = text("opportunity-contact-roles.csv");
        Map<String, Object> dry = graphQlImport(graphQl, IMPORT_ROLES, "importCrmContactRoles", "globex", csv,
                LINK, true);
        Map<String, Object> done = graphQlImport(graphQl, IMPORT_ROLES, "importCrmContactRoles", "globex", csv,
                LINK, false);
        assertThat(done.get("changes")).isEqualTo(dry.get("changes"));
        assertThat(done.get("problems")).isEqualTo(dry.get("problems"));
        assertThat(done).containsEntry("applied", true).containsEntry("created", 4)
                .containsEntry("opportunitiesLinked", 1);
        assertThat(list(done, "problems")).extracting(p -> p.get("line"), p -> p.get("value"), p -> p.get("severity"),
                p -> p.get("code")).containsExactly(tuple(6, "Influencer", "WARNING", "UNMAPPED_ROLE"),
                tuple(8, "Champion", "WARNING", "UNMAPPED_ROLE"));
        assertThat(involvements()).containsExactly(
                Map.entry("0035g00000CEO01", List.of(List.of("SPONSOR"), "null")),
                Map.entry("0035g00000CFO01", List.of(List.of("APPROVER"), "null")),
                Map.entry("0035g00000CTO01", List.of(List.of("DECISION_MAKER"), "null")),
                Map.entry("0035g00000ENG01", List.of(List.of("USER", "EVALUATOR"), "null")));
        graphQl.document("{ opportunity(id: \"globex/platform\") { crmKey } }").execute()
                .path("opportunity.crmKey").entity(String.class).isEqualTo(DEAL);

        // A table entry from the request: Influencer means evaluator here, Champion means nothing to us.
        Map<String, Object> mapped = graphQlImport(graphQl, IMPORT_ROLES, "importCrmContactRoles", "globex", csv,
                Map.of("roleMap", List.of(Map.of("crmRole", "influencer", "role", "EVALUATOR"),
                        java.util.Collections.singletonMap("crmRole", "Champion"))), true);
        assertThat(list(mapped, "problems")).isEmpty();
        assertThat(list(mapped, "changes")).extracting(c -> c.get("stakeholder"), c -> c.get("roles"))
                .containsExactly(tuple("0035g00000OPS01", List.of("EVALUATOR")));
    }

    @Test
    void aReImportReplacesTheCrmsRolesAndKeepsHandSetRolesAndStatuses() {
        graphQlImport(graphQl, IMPORT_ROLES, "importCrmContactRoles", "globex",
                text("opportunity-contact-roles.csv"), LINK, false);
        setInvolvement("CTO01", List.of("DECISION_MAKER", "SPONSOR"), "MENTOR"); // adds S by hand
        setInvolvement("CFO01", List.of("APPROVER"), "NEUTRAL");
        setInvolvement("OPS01", List.of("USER"), null);                        // all by hand

        // The CRM now says the CTO evaluates, and no longer lists the CFO or the operations head.
        String v2 = text("opportunity-contact-roles.csv")
                .replace("0035g00000CTO01,Decision Maker", "0035g00000CTO01,Evaluator")
                .replaceAll("(?m)^.*CFO01.*\\n", "");
        Map<String, Object> done = postCsv(http, "/api/accounts/globex/imports/contact-roles",
                v2.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(list(done, "changes")).extracting(c -> c.get("action"), c -> c.get("stakeholder"),
                c -> c.get("roles"), c -> c.get("crmRoles")).containsExactly(
                tuple("UPDATE", "0035g00000CTO01", List.of("EVALUATOR", "SPONSOR"), List.of("EVALUATOR")),
                tuple("UPDATE", "0035g00000CFO01", List.of(), List.of()));
        assertThat(number(done, "unchanged")).isEqualTo(3); // CEO, ENG01, and OPS01 (hand-set, Influencer)
        assertThat(involvements()).containsEntry("0035g00000CTO01", List.of(List.of("EVALUATOR", "SPONSOR"), "MENTOR"))
                .containsEntry("0035g00000CFO01", List.of(List.of(), "NEUTRAL"))
                .containsEntry("0035g00000OPS01", List.of(List.of("USER"), "null"));

        // Gone from the CRM with nothing set by hand: the involvement goes.
        String v3 = v2.replaceAll("(?m)^.*CEO01.*\\n", "");
        Map<String, Object> removed = postCsv(http, "/api/accounts/globex/imports/contact-roles",
                v3.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(removed).containsEntry("removed", 1);
        assertThat(involvements()).doesNotContainKey("0035g00000CEO01");
    }

    @Test
    void unknownContactsUnknownOpportunitiesAndDuplicateKeysStopTheImport() {
        byte[] broken = CsvFileTest.fixture("opportunity-contact-roles-broken.csv");
        String link = "?opportunity=" + DEAL + ":globex/platform";
        Map<String, Object> dry = postCsv(http, "/api/accounts/globex/imports/contact-roles" + link
                + "&dryRun=true", broken, 200);
        assertThat(list(dry, "problems")).extracting(p -> p.get("line"), p -> p.get("column"), p -> p.get("value"))
                .containsExactly(tuple(3, "Id", "00K5g00000R0001"), tuple(4, "ContactId", "0035g00000GHOST"),
                        tuple(5, "OpportunityId", "0065g00000DEAL9"));
        assertThat((String) list(dry, "problems").get(2).get("reason")).startsWith("unknown opportunity")
                .contains("createOpportunities");
        Map<String, Object> refused = postCsv(http, "/api/accounts/globex/imports/contact-roles" + link, broken, 422);
        assertThat(refused.get("problems")).isEqualTo(dry.get("problems"));
        assertThat(involvements()).isEmpty();

        Map<String, Object> creating = postCsv(http, "/api/accounts/globex/imports/contact-roles" + link
                + "&createOpportunities=true&dryRun=true", broken, 200);
        assertThat(list(creating, "problems")).extracting(p -> p.get("line")).containsExactly(3, 4);
        assertThat(creating).containsEntry("opportunitiesCreated", 1);

        String fixed = new String(broken, StandardCharsets.UTF_8).replaceAll("(?m)^.*(R0001,0065g00000DEAL1,0035g00000CFO01|GHOST).*\\n", "");
        Map<String, Object> done = postCsv(http, "/api/accounts/globex/imports/contact-roles" + link
                + "&createOpportunities=true", fixed.getBytes(StandardCharsets.UTF_8), 200);
        assertThat(done).containsEntry("opportunitiesCreated", 1).containsEntry("created", 3);
        graphQl.document("{ opportunity(id: \"globex/0065g00000DEAL9\") { name crmKey involvements { roles } } }")
                .execute()
                .path("opportunity.name").entity(String.class).isEqualTo("Globex Services")
                .path("opportunity.crmKey").entity(String.class).isEqualTo("0065g00000DEAL9")
                .path("opportunity.involvements[*].roles[0]").entityList(String.class).containsExactly("USER", "USER");
    }
}
