package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static io.innercircle.activity.internal.CalendarFileReaderTest.fixture;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Salesforce exports reader on small files whose answers are known by hand. */
class SalesforceActivityReaderTest {

    private static List<Activity> read(String... names) {
        List<CsvTable> tables = java.util.Arrays.stream(names).map(n -> CsvTable.read(n, fixture(n))).toList();
        return SalesforceActivityReader.read(tables, Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void eventsWithTheirRelations() {
        List<Activity> events = read("sf-event.csv", "sf-event-relation.csv");
        // Last year's review is outside the window; the relation of an event not exported is skipped.
        assertThat(events).extracting(Activity::ref).containsExactly("00U5g00000EV001", "00U5g00000EV002");
        assertThat(events.get(0).kind()).isEqualTo(Kind.MEETING);
        assertThat(events.get(0).from()).isNull();
        // A relation without an address is named by its Contact Id; addresses are lower case.
        assertThat(events.get(0).to()).containsExactly("0035g00000SAMOR", "kim.novak@globex.com");
        // +0200 is honoured; the invitee who declined is left out.
        assertThat(events.get(1).at()).isEqualTo(Instant.parse("2026-10-08T07:30:00Z"));
        assertThat(events.get(1).subject()).isEqualTo("Pricing, round 2");
        assertThat(events.get(1).to()).containsExactly("0035g00000SAMOR", "kim.novak@globex.com");
    }

    @Test
    void emailsWithRecipientsRelationsAndReplies() {
        List<Activity> emails = read("globex-emails.csv", "globex-email-relations.csv");
        assertThat(emails).hasSize(3).allMatch(a -> a.kind() == Kind.EMAIL);
        Activity first = emails.get(0);
        assertThat(first.from()).isEqualTo("dana.wells@globex.com");
        assertThat(first.to()).containsExactly("sam.ortiz@globex.com", "kim.novak@globex.com",
                "lee.new@globex.com");
        assertThat(emails.get(1).replyTo()).isEqualTo("02s5g00000EM001");
        assertThat(emails.get(1).to()).containsExactly("dana.wells@globex.com", "kim.novak@globex.com");
    }

    @Test
    void aBrokenDateNamesFileLineAndColumn() {
        assertThatThrownBy(() -> read("broken-email-date.csv")).isInstanceOfSatisfying(ActivityFileRefused.class,
                e -> {
                    assertThat(e.file()).isEqualTo("broken-email-date.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("MessageDate");
                    assertThat(e.reason()).contains("next Tuesday");
                });
    }

    @Test
    void aFileOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> read("broken-not-salesforce.csv")).isInstanceOfSatisfying(
                ActivityFileRefused.class, e -> assertThat(e.line()).isEqualTo(1));
        assertThatThrownBy(() -> read("sf-event-relation.csv")).isInstanceOfSatisfying(
                ActivityFileRefused.class, e -> assertThat(e.reason()).contains("needs its Event file"));
    }
}
