package io.innercircle.activity.internal;

import io.innercircle.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.execution.ErrorType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.innercircle.activity.internal.CalendarFileReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Activity import end to end over HTTP: calendar and Salesforce files matched to the map's people by e-mail,
 * suggestions with their evidence, nothing on the map until accepted, accept and reject remembered, broken
 * files refused whole.
 */
class ActivitySuggestionTest extends IntegrationTest {

    private static final List<String> CALENDAR_AND_MAIL = List.of("globex-calendar.ics", "globex-emails.csv",
            "globex-email-relations.csv");

    @BeforeEach
    void globex() {
        clock.set(Instant.parse("2026-11-01T12:00:00Z"));
        mutate("createAccount", Map.of("input", Map.of("key", "globex", "name", "Globex")));
        person("dana", "Dana Wells", "Dana.Wells@Globex.com");
        person("sam", "Sam Ortiz", "sam.ortiz@globex.com");
        person("kim", "Kim Novak", null);
        person("lee", "Lee Park", "lee.park@globex.com");
        // Kim had no address on the map: the rep adds it through the ordinary edit.
        mutate("updateStakeholder", Map.of("input", Map.of("id", "globex/kim", "email", "kim.novak@globex.com")));
        mutate("createTeamMember", Map.of("input", Map.of("account", "globex", "key", "randy", "name", "Randy")));
        mutate("recordContact", Map.of("input", Map.of("teamMember", "globex/randy", "stakeholder", "globex/dana",
                "coverage", "MULTIPLE")));
        mutate("recordContact", Map.of("input", Map.of("teamMember", "globex/randy", "stakeholder", "globex/lee",
                "coverage", "BRIEF")));
    }

    private void person(String key, String name, String email) {
        Map<String, Object> input = new java.util.HashMap<>(Map.of("account", "globex", "key", key, "name", name));
        if (email != null) {
            input.put("email", email);
        }
        mutate("createStakeholder", Map.of("input", input));
    }

    private void mutate(String document, Map<String, Object> variables) {
        var request = graphQl.documentName(document);
        variables.forEach(request::variable);
        request.execute().errors().verify();
    }

    private static List<Map<String, String>> files(List<String> names) {
        List<Map<String, String>> files = new ArrayList<>();
        names.forEach(n -> files.add(Map.of("name", n, "content", fixture(n))));
        return files;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> importFiles(List<String> names) {
        return graphQl.documentName("importActivity").variable("account", "globex").variable("files", files(names))
                .execute().path("importActivity").entity(Map.class).get();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> suggestions(String state) {
        return graphQl.documentName("activitySuggestions").variable("account", "globex").variable("state", state)
                .execute().path("activitySuggestions.edges[*].node").entityList(Map.class).get()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static String line(Map<String, Object> suggestion) {
        return ((Map<?, ?>) suggestion.get("from")).get("key") + ">" + ((Map<?, ?>) suggestion.get("to")).get("key");
    }

    private long version() {
        return graphQl.document("{ account(key: \"globex\") { version } }").execute().path("account.version")
                .entity(Long.class).get();
    }

    private List<String> influenceLines() {
        return graphQl.document("{ account(key: \"globex\") { stakeholders(first: 50) { edges { node { key "
                        + "influences { to { key } strength } } } } } }").execute()
                .path("account.stakeholders.edges[*].node").entityList(Map.class).get().stream()
                .flatMap(n -> ((List<Map<String, Map<String, String>>>) n.get("influences")).stream()
                        .map(l -> n.get("key") + ">" + l.get("to").get("key")))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void suggestionsWithEvidenceAndNothingOnTheMap() {
        long before = version();
        Map<String, Object> report = importFiles(CALENDAR_AND_MAIL);
        assertThat(report).containsEntry("from", "2026-05-05").containsEntry("to", "2026-11-01");
        // Budget review, weekly sync on 5, 12 and 27 Oct (19 Oct excepted, 26 moved, November ones after today),
        // the offsite; last year's kick-off and the cancelled call left out.
        assertThat(report).containsEntry("meetings", 5).containsEntry("emails", 3);
        assertThat((List<Map<String, Object>>) report.get("files")).extracting(f -> f.get("kind") + ":"
                + f.get("activities")).containsExactly("ICS:5", "EMAIL_MESSAGE:3", "EMAIL_MESSAGE_RELATION:0");
        // Lee is covered but in no meeting or e-mail; Dana is covered and active.
        assertThat((List<Map<String, Object>>) report.get("staleContacts"))
                .extracting(s -> String.valueOf(((Map<?, ?>) s.get("stakeholder")).get("key"))).containsExactly("lee");
        // Customer addresses nobody on the map has; our own rep's address is not the customer's.
        assertThat((List<Map<String, Object>>) report.get("notOnMap")).extracting(p -> p.get("address"))
                .containsExactlyInAnyOrder("pat.unknown@globex.com", "lee.new@globex.com");

        List<Map<String, Object>> open = suggestions("OPEN");
        assertThat(open).extracting(ActivitySuggestionTest::line)
                // Dana and Sam: the budget review and two e-mails, 2.2 weighted by age, below the 2.5 a line needs.
                .containsExactlyInAnyOrder("sam>kim", "dana>kim");
        Map<String, Object> samKim = open.stream().filter(s -> line(s).equals("sam>kim")).findFirst().orElseThrow();
        // Three weekly syncs Sam organised, the budget review, the first e-mail and Sam's reply (Kim in copy).
        assertThat(samKim).containsEntry("meetings", 4).containsEntry("emails", 2).containsEntry("state", "OPEN");
        List<Map<String, Object>> evidence = (List<Map<String, Object>>) samKim.get("evidence");
        assertThat(evidence).hasSize(6);
        assertThat(evidence.get(0)).containsEntry("kind", "MEETING").containsEntry("role", "ORGANISED")
                .containsEntry("supports", true).containsEntry("subject", "Weekly sync (moved)")
                .containsEntry("at", "2026-10-27T18:00Z");
        Map<String, Object> danaKim = open.stream().filter(s -> line(s).equals("dana>kim")).findFirst()
                .orElseThrow();
        // The budget review and the offsite Dana convened; Kim answered Dana's e-mail after Sam.
        assertThat((List<Map<String, Object>>) danaKim.get("evidence")).extracting(e -> e.get("role"))
                .containsExactly("ORGANISED", "REPLIED", "EMAILED", "EMAILED", "ORGANISED");
        assertThat(danaKim).containsEntry("meetings", 2).containsEntry("emails", 3).containsEntry("strength", 1);

        // Nothing was written to the map.
        assertThat(version()).isEqualTo(before);
        assertThat(influenceLines()).isEmpty();
    }

    @Test
    void acceptingDrawsTheLineInOneAuditedEditAndIsRemembered() {
        importFiles(CALENDAR_AND_MAIL);
        long before = version();
        String id = suggestions("OPEN").stream().filter(s -> line(s).equals("dana>kim")).findFirst().orElseThrow()
                .get("id").toString();
        graphQl.documentName("acceptActivitySuggestion").variable("id", id).variable("strength", 3).execute()
                .path("acceptActivitySuggestion.suggestion.state").entity(String.class).isEqualTo("ACCEPTED")
                .path("acceptActivitySuggestion.suggestion.decidedBy").entity(String.class).isEqualTo("admin")
                .path("acceptActivitySuggestion.line.strength").entity(Integer.class).isEqualTo(3);
        assertThat(version()).isEqualTo(before + 1);
        assertThat(influenceLines()).containsExactly("dana>kim");
        // The edit is in the history like any other.
        assertThat(graphQl.document("{ changes(account: \"globex\", first: 50) { edges { node { version } } } }")
                .execute().path("changes.edges[*].node.version").entityList(Long.class).get()).contains(before + 1);
        assertThat(suggestions("OPEN")).extracting(ActivitySuggestionTest::line).doesNotContain("dana>kim");
        assertThat(suggestions("ACCEPTED")).extracting(ActivitySuggestionTest::line).containsExactly("dana>kim");
        // A second decision is refused; a re-import does not suggest the line now on the map.
        graphQl.documentName("rejectActivitySuggestion").variable("id", id).execute().errors()
                .expect(e -> e.getErrorType() == ErrorType.BAD_REQUEST).verify();
        importFiles(CALENDAR_AND_MAIL);
        assertThat(suggestions("OPEN")).extracting(ActivitySuggestionTest::line).doesNotContain("dana>kim");
    }

    @Test
    void aRejectedSuggestionStaysRejectedUntilNewEvidenceComes() {
        importFiles(CALENDAR_AND_MAIL);
        String id = suggestions("OPEN").stream().filter(s -> line(s).equals("sam>kim")).findFirst().orElseThrow()
                .get("id").toString();
        long before = version();
        graphQl.documentName("rejectActivitySuggestion").variable("id", id).execute()
                .path("rejectActivitySuggestion.state").entity(String.class).isEqualTo("REJECTED");
        assertThat(version()).isEqualTo(before);

        Map<String, Object> again = importFiles(CALENDAR_AND_MAIL);
        assertThat(again).containsEntry("stillRejected", 1).containsEntry("suggested", 1);
        assertThat(suggestions("OPEN")).extracting(ActivitySuggestionTest::line).doesNotContain("sam>kim");
        assertThat(suggestions("REJECTED")).extracting(ActivitySuggestionTest::line).containsExactly("sam>kim");

        // A new one-to-one between them is new evidence: the suggestion is open again.
        List<String> more = new ArrayList<>(CALENDAR_AND_MAIL);
        more.add("globex-more.ics");
        assertThat(importFiles(more)).containsEntry("stillRejected", 0);
        assertThat(suggestions("OPEN")).extracting(ActivitySuggestionTest::line).contains("sam>kim");
    }

    @Test
    void aBrokenFileRefusesTheWholeUploadAndNamesFileLineAndField() {
        long before = version();
        for (List<String> upload : List.of(List.of("globex-calendar.ics", "broken-date.ics"),
                List.of("globex-calendar.ics", "broken-email-date.csv"),
                List.of("globex-emails.csv", "broken-structure.ics"))) {
            List<ResponseError> errors = new ArrayList<>();
            graphQl.documentName("importActivity").variable("account", "globex").variable("files", files(upload))
                    .execute().errors().satisfy(errors::addAll);
            assertThat(errors).as(upload.toString()).hasSize(1);
            ResponseError error = errors.get(0);
            assertThat(error.getErrorType()).isEqualTo(ErrorType.BAD_REQUEST);
            assertThat(error.getExtensions()).containsEntry("file", upload.get(1)).containsKey("line")
                    .containsKey("reason");
        }
        List<ResponseError> errors = new ArrayList<>();
        graphQl.documentName("importActivity").variable("account", "globex")
                .variable("files", files(List.of("broken-email-date.csv"))).execute().errors().satisfy(errors::addAll);
        assertThat(errors.get(0).getExtensions()).containsEntry("line", 3).containsEntry("field", "MessageDate");
        assertThat(errors.get(0).getExtensions().get("classification")).isEqualTo("BAD_REQUEST");
        // Nothing was stored.
        assertThat(suggestions("OPEN")).isEmpty();
        assertThat(version()).isEqualTo(before);
    }
}
