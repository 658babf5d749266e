package io.innercircle.crm.internal;

import io.innercircle.support.SecondAppTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.innercircle.crm.internal.CrmTestSupport.IMPORT_CONTACTS;
import static io.innercircle.crm.internal.CrmTestSupport.graphQlImport;
import static io.innercircle.crm.internal.CrmTestSupport.list;
import static io.innercircle.crm.internal.CrmTestSupport.number;
import static io.innercircle.crm.internal.CrmTestSupport.postCsv;
import static io.innercircle.crm.internal.CrmTestSupport.text;
import static io.innercircle.crm.internal.CrmTestSupport.upload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Contacts imports end to end: GraphQL and REST, dry runs, refused files, re-imports over a rep's work. */
class CrmContactImportTest extends SecondAppTest {

    static final String GLOBEX = "0015g00000GLOBX";
    static final String PERSON = """
            query($id: ID!) { stakeholder(id: $id) {
              id name title department adaptability rank influence innerCircle notes
              reportsTo { id } influencedBy { from { id } strength } conflicts { between { id } }
              contacts { coverage } involvements { opportunity { id } roles status }
              crm { key email notInLastImport missingSince seenAt } } }""";

    private Map<String, Object> importV1(boolean dryRun) {
        return graphQlImport(graphQl, IMPORT_CONTACTS, "importCrmContacts", "globex",
                text("salesforce-contacts.csv"), Map.of("crmAccount", GLOBEX), dryRun);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> person(String id) {
        return graphQl.document(PERSON).variable("id", id).execute().path("stakeholder").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> crm(Map<String, Object> person) {
        return (Map<String, Object>) person.get("crm");
    }

    private long version(String account) {
        return graphQl.document("query($k: ID!) { account(key: $k) { version } }").variable("k", account)
                .execute().path("account.version").entity(Long.class).get();
    }

    private void mutate(String document, Map<String, Object> variables) {
        var request = graphQl.document(document);
        variables.forEach(request::variable);
        request.execute().errors().verify();
    }

    @Test
    void aDryRunTellsExactlyWhatTheImportThenDoes() {
        Map<String, Object> dry = importV1(true);
        assertThat(dry).containsEntry("dryRun", true).containsEntry("applied", false)
                .containsEntry("accountCreated", true).containsEntry("crmAccount", GLOBEX);
        assertThat(dry.get("version")).isNull();
        assertThat(number(dry, "rows")).isEqualTo(10);
        assertThat(number(dry, "otherAccountRows")).isEqualTo(1);
        assertThat(number(dry, "created")).isEqualTo(9);
        assertThat(list(dry, "problems")).isEmpty();
        // Nothing was written.
        graphQl.document("{ account(key: \"globex\") { key } }").execute().path("account").valueIsNull();

        Map<String, Object> done = importV1(false);
        assertThat(done).containsEntry("applied", true).containsEntry("accountCreated", true);
        assertThat(number(done, "version")).isEqualTo(1);
        for (String field : List.of("rows", "created", "updated", "unchanged", "notInImport", "otherAccountRows",
                "reportingLinesSet", "reportingLinesRemoved", "changes", "problems")) {
            assertThat(done.get(field)).as(field).isEqualTo(dry.get(field));
        }
        // Physical lines: the row after the one with a line break inside its title starts on line 7.
        assertThat(list(done, "changes")).extracting(c -> c.get("stakeholder"), c -> c.get("line"))
                .contains(tuple("0035g00000OPS01", 5), tuple("0035g00000ENG01", 7));

        graphQl.document("{ account(key: \"globex\") { name crmKey version stakeholders { totalCount } } }")
                .execute()
                .path("account.name").entity(String.class).isEqualTo("Globex, Inc.")
                .path("account.crmKey").entity(String.class).isEqualTo(GLOBEX)
                .path("account.stakeholders.totalCount").entity(Integer.class).isEqualTo(9);
        Map<String, Object> cto = person("globex/0035g00000CTO01");
        assertThat(cto).containsEntry("name", "Frank Grimes").containsEntry("title", "CTO, Research & Development")
                .containsEntry("department", "Engineering")
                .containsEntry("reportsTo", Map.of("id", "globex/0035g00000CEO01"));
        assertThat(crm(cto)).containsEntry("key", "0035g00000CTO01")
                .containsEntry("email", "frank@globex.example").containsEntry("notInLastImport", false);
        assertThat(person("globex/0035g00000OPS01").get("title").toString()).startsWith("Head of Operations")
                .endsWith("(acting)");
        assertThat(person("globex/0035g00000ENG02")).containsEntry("title", "Engineer, \"Platform\"");

        Map<String, Object> again = importV1(true);
        assertThat(number(again, "created")).isZero();
        assertThat(number(again, "unchanged")).isEqualTo(9);
        assertThat(list(again, "changes")).isEmpty();
    }

    @Test
    void everyWrongRowIsReportedWithLineColumnAndReasonAndNothingIsWritten() {
        byte[] broken = CsvFileTest.fixture("contacts-broken.csv");
        Map<String, Object> dry = postCsv(http, "/api/accounts/broken/imports/contacts?dryRun=true", broken, 200);
        assertThat(list(dry, "problems")).extracting(p -> p.get("line"), p -> p.get("column"))
                .containsExactly(tuple(4, "Id"), tuple(5, "Id"), tuple(6, "ReportsToId"), tuple(8, "ReportsToId"),
                        tuple(9, "ReportsToId"), tuple(10, "LastName"), tuple(11, "ReportsToId"),
                        tuple(12, "Email"));
        assertThat(list(dry, "problems")).extracting(p -> p.get("code"), p -> p.get("value")).containsExactly(
                tuple("MISSING_KEY", ""), tuple("DUPLICATE_KEY", "003B2"), tuple("UNKNOWN_MANAGER", "003B99"),
                tuple("MANAGER_CYCLE", "003B7"), tuple("MANAGER_CYCLE", "003B6"), tuple("MISSING_NAME", ""),
                tuple("MANAGER_CYCLE", "003B9"), tuple("NOT_AN_EMAIL", "not-an-email"));
        // The wording of the problems, once: where, what and the people in it.
        assertThat(list(dry, "problems")).extracting(p -> (String) p.get("reason")).containsSubsequence(
                "duplicate key '003B2': line 3 has the same id", "a manager cycle: 003B6 → 003B7 → 003B6");

        Map<String, Object> refused = postCsv(http, "/api/accounts/broken/imports/contacts", broken, 422);
        assertThat(refused).containsEntry("applied", false);
        assertThat(refused.get("problems")).isEqualTo(dry.get("problems"));
        graphQl.document("{ account(key: \"broken\") { key } }").execute().path("account").valueIsNull();

        var response = graphQl.document(IMPORT_CONTACTS).variable("account", "broken")
                .variable("csv", new String(broken, StandardCharsets.UTF_8)).execute();
        response.errors().satisfy(errors -> {
            assertThat(errors).hasSize(8);
            ResponseError first = errors.get(0);
            assertThat(first.getErrorType().toString()).isEqualTo("BAD_REQUEST");
            assertThat(first.getExtensions()).containsEntry("code", "MISSING_KEY").containsEntry("line", 4)
                    .containsEntry("column", "Id");
            assertThat(errors.get(2).getExtensions()).containsEntry("code", "UNKNOWN_MANAGER")
                    .containsEntry("line", 6).containsEntry("column", "ReportsToId").containsEntry("value", "003B99");
            assertThat(errors.get(2).getMessage()).startsWith("line 6, column ReportsToId: ");
        });
        response.path("importCrmContacts").valueIsNull();
    }

    @Test
    void aFileWithSeveralCrmAccountsNeedsToBeToldWhichOne() {
        http.post().uri("/api/accounts/globex/imports/contacts?dryRun=true")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .bodyValue(CsvFileTest.fixture("salesforce-contacts.csv"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("crmAccount")
                .jsonPath("$.reason").value(r -> assertThat((String) r).contains("2 CRM accounts")
                        .contains(GLOBEX).contains("0015g00000INTCH"));
    }

    @Test
    void aReImportUpdatesWhatTheCrmOwnsAndKeepsWhatTheRepDrew() {
        upload(http, "/api/accounts/globex/imports/contacts?crmAccount=" + GLOBEX,
                CsvFileTest.fixture("salesforce-contacts.csv"), 200);
        String p = "globex/0035g00000";
        mutate("mutation($i: UpdateStakeholderInput!) { updateStakeholder(input: $i) { stakeholder { id } } }",
                Map.of("i", Map.of("id", p + "CTO01", "influence", 5, "innerCircle", true, "notes", "our ally",
                        "adaptability", "VISIONARY", "rank", 4)));
        mutate("mutation($i: InfluenceInput!) { setInfluence(input: $i) { influence { strength } } }",
                Map.of("i", Map.of("from", p + "ENG01", "to", p + "CTO01", "strength", 3)));
        mutate("mutation($i: ConflictInput!) { setConflict(input: $i) { conflict { note } } }",
                Map.of("i", Map.of("between", List.of(p + "CFO01", p + "CTO01"))));
        mutate("mutation($i: CreateTeamMemberInput!) { createTeamMember(input: $i) { teamMember { id } } }",
                Map.of("i", Map.of("account", "globex", "key", "randy", "name", "Randy")));
        mutate("mutation($i: ContactInput!) { recordContact(input: $i) { contact { coverage } } }",
                Map.of("i", Map.of("teamMember", "globex/randy", "stakeholder", p + "CTO01", "coverage", "IN_DEPTH")));
        mutate("mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { opportunity { id } } }",
                Map.of("i", Map.of("account", "globex", "key", "platform", "name", "Platform")));
        mutate("mutation($i: InvolvementInput!) { setInvolvement(input: $i) { involvement { status } } }",
                Map.of("i", Map.of("opportunity", "globex/platform", "stakeholder", p + "CTO01",
                        "roles", List.of("SPONSOR"), "status", "MENTOR")));
        // The CRM names no manager for the advisor; the rep knows better.
        mutate("mutation($s: ID!, $m: ID) { setReportsTo(stakeholder: $s, manager: $m) { stakeholder { id } } }",
                Map.of("s", p + "ADV01", "m", p + "CEO01"));
        Map<String, Object> shadow = new HashMap<>(Map.of("account", "globex", "key", "shadow",
                "name", "Shadow Advisor", "reportsTo", p + "CFO01"));
        mutate("mutation($i: CreateStakeholderInput!) { createStakeholder(input: $i) { stakeholder { id } } }",
                Map.of("i", shadow));
        long before = version("globex");

        byte[] v2 = CsvFileTest.fixture("salesforce-contacts-v2.csv");
        Map<String, Object> dry = postCsv(http, "/api/accounts/globex/imports/contacts?dryRun=true", v2, 200);
        Map<String, Object> done = postCsv(http, "/api/accounts/globex/imports/contacts", v2, 200);
        assertThat(done.get("changes")).isEqualTo(dry.get("changes"));
        assertThat(list(done, "changes")).extracting(c -> c.get("action"), c -> c.get("stakeholder"),
                c -> c.get("fields")).containsExactly(
                tuple("UPDATE", "0035g00000CTO01", List.of("title")),
                tuple("UPDATE", "0035g00000CFO01", List.of("email")),
                tuple("UPDATE", "0035g00000ENG01", List.of("reportsTo")),
                tuple("UPDATE", "0035g00000ENG02", List.of("department")),
                tuple("UPDATE", "0035g00000FIN01", List.of("reportsTo")),
                tuple("CREATE", "0035g00000NEW01", List.of("name", "title", "department", "email",
                        "reportsTo")),
                tuple("NOT_IN_IMPORT", "0035g00000IT001", List.of()));
        assertThat(done).containsEntry("created", 1).containsEntry("updated", 5).containsEntry("unchanged", 3)
                .containsEntry("notInImport", 1).containsEntry("reportingLinesSet", 2)
                .containsEntry("reportingLinesRemoved", 1);
        assertThat(number(done, "version")).isEqualTo(before + 1);

        Map<String, Object> cto = person(p + "CTO01");
        assertThat(cto).containsEntry("title", "Chief Technology Officer").containsEntry("influence", 5)
                .containsEntry("innerCircle", true).containsEntry("notes", "our ally")
                .containsEntry("adaptability", "VISIONARY").containsEntry("rank", 4);
        assertThat(cto.get("influencedBy")).isEqualTo(List.of(Map.of("from", Map.of("id", p + "ENG01"),
                "strength", 3)));
        assertThat((List<?>) cto.get("conflicts")).hasSize(1);
        assertThat(cto.get("contacts")).isEqualTo(List.of(Map.of("coverage", "IN_DEPTH")));
        assertThat(cto.get("involvements")).isEqualTo(List.of(Map.of("opportunity", Map.of("id", "globex/platform"),
                "roles", List.of("SPONSOR"), "status", "MENTOR")));
        assertThat(person(p + "ENG01").get("reportsTo")).isEqualTo(Map.of("id", p + "OPS01"));
        assertThat(person(p + "FIN01").get("reportsTo")).isNull();           // the CRM's line went
        assertThat(person(p + "ADV01").get("reportsTo")).isEqualTo(Map.of("id", p + "CEO01")); // the rep's stays
        assertThat(person("globex/shadow")).containsEntry("reportsTo", Map.of("id", p + "CFO01"))
                .containsEntry("crm", null);
        assertThat(crm(person(p + "CFO01"))).containsEntry("email", "lisa.simpson@globex.example");
        Map<String, Object> gone = crm(person(p + "IT001"));
        assertThat(gone).containsEntry("notInLastImport", true);
        assertThat(gone.get("missingSince")).isNotNull();
        graphQl.document("{ account(key: \"globex\") { peopleNotInLastImport { id } } }").execute()
                .path("account.peopleNotInLastImport[*].id").entityList(String.class).containsExactly(p + "IT001");

        Map<String, Object> back = upload(http, "/api/accounts/globex/imports/contacts?crmAccount=" + GLOBEX,
                CsvFileTest.fixture("salesforce-contacts.csv"), 200);
        assertThat(number(back, "backInImport")).isEqualTo(1);
        assertThat(list(back, "changes")).extracting(c -> c.get("action"), c -> c.get("stakeholder"))
                .contains(tuple("BACK_IN_IMPORT", "0035g00000IT001"), tuple("NOT_IN_IMPORT", "0035g00000NEW01"));
        graphQl.document("{ account(key: \"globex\") { peopleNotInLastImport { id } } }").execute()
                .path("account.peopleNotInLastImport[*].id").entityList(String.class).containsExactly(p + "NEW01");
    }

    @Test
    void aGenericFileNamesItsColumnsInTheRequest() {
        String columns = "keyColumn=Employee No&nameColumn=Full name&titleColumn=Job title&departmentColumn=Team"
                + "&managerColumn=Boss&emailColumn=Mail&accountName=US Navy";
        Map<String, Object> done = upload(http, "/api/accounts/navy/imports/contacts?" + columns,
                CsvFileTest.fixture("generic-people-semicolon.csv"), 200);
        assertThat(done).containsEntry("delimiter", ";").containsEntry("created", 3)
                .containsEntry("accountCreated", true);
        String turing = CrmKeys.keyFor("E 102");
        assertThat(list(done, "changes")).extracting(c -> c.get("stakeholder")).contains(turing);
        assertThat(person("navy/E-101")).containsEntry("name", "Lovelace; Ada")
                .containsEntry("title", "Analyst, Numbers").containsEntry("reportsTo", Map.of("id", "navy/E-100"));
        assertThat(crm(person("navy/" + turing))).containsEntry("key", "E 102")
                .containsEntry("email", null);
        graphQl.document("{ account(key: \"navy\") { name } }").execute()
                .path("account.name").entity(String.class).isEqualTo("US Navy");

        http.post().uri("/api/accounts/navy/imports/contacts?dryRun=true&keyColumn=Employee No&nameColumn=Full name"
                        + "&managerColumn=Chief")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .bodyValue(CsvFileTest.fixture("generic-people-semicolon.csv"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.field").isEqualTo("columns")
                .jsonPath("$.reason").value(r -> assertThat((String) r).startsWith("the file has no column 'Chief'"));
    }

    @Test
    @Tag("slow")
    void twoThousandRowsImportQuickly() {
        StringBuilder csv = new StringBuilder("Id,FirstName,LastName,Title,Department,ReportsToId,Email\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(String.format("003G%06d,First%d,\"Last, %d\",Title %d,Dept %d,%s,p%d@big.example%n", i, i,
                    i, i % 7, i % 13, i == 0 ? "" : String.format("003G%06d", (i - 1) / 5), i));
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        long t0 = System.nanoTime();
        Map<String, Object> dry = postCsv(http, "/api/accounts/big/imports/contacts?dryRun=true", bytes, 200);
        long t1 = System.nanoTime();
        Map<String, Object> done = postCsv(http, "/api/accounts/big/imports/contacts", bytes, 200);
        long t2 = System.nanoTime();
        Map<String, Object> again = postCsv(http, "/api/accounts/big/imports/contacts", bytes, 200);
        long t3 = System.nanoTime();
        System.out.printf("CRM import of 2,000 rows: dry run %d ms, import %d ms (steps %s), re-import %d ms%n",
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, done.get("steps"), (t3 - t2) / 1_000_000);
        assertThat(number(dry, "created")).isEqualTo(2000);
        assertThat(number(done, "created")).isEqualTo(2000);
        assertThat(number(done, "reportingLinesSet")).isEqualTo(1999);
        assertThat(number(done, "version")).isEqualTo(1);
        assertThat(number(again, "unchanged")).isEqualTo(2000);
        assertThat(number(again, "version")).isEqualTo(2);
        assertThat(list(done, "steps")).extracting(s -> s.get("name")).containsExactly("read", "check", "write");
        http.get().uri("/api/accounts/big/imports/progress").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.phase").isEqualTo("done").jsonPath("$.done").isEqualTo(2000)
                .jsonPath("$.rows").isEqualTo(2000);
        graphQl.document("{ account(key: \"big\") { stakeholders(first: 1) { totalCount } } }").execute()
                .path("account.stakeholders.totalCount").entity(Integer.class).isEqualTo(2000);
    }

    @Test
    void theSizeLimitsAreClear() {
        StringBuilder tooMany = new StringBuilder("Id,LastName\n");
        for (int i = 0; i <= 20_000; i++) {
            tooMany.append(i).append(",x\n");
        }
        http.post().uri("/api/accounts/big/imports/contacts?dryRun=true")
                .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
                .bodyValue(tooMany.toString().getBytes(StandardCharsets.UTF_8))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.reason").value(r -> assertThat((String) r)
                        .contains("more than 20000 rows").contains("innercircle.crm.max-rows"));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'x');
        // An upload, whose body the server reads whole: a raw body over the limit is refused (413) before it
        // is read, which the test's HTTP client reports as a broken upload rather than showing the answer.
        Map<String, Object> tooLarge = upload(http, "/api/accounts/big/imports/contacts?dryRun=true", huge, 413);
        assertThat((String) tooLarge.get("reason")).contains("is 10.0 MB and is larger than the limit of 10.0 MB")
                .contains("innercircle.crm.max-size");
    }
}
