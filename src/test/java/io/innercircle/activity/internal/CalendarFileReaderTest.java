package io.innercircle.activity.internal;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The calendar reader on small files whose answers are known by hand. */
class CalendarFileReaderTest {

    static String fixture(String name) {
        try (InputStream in = CalendarFileReaderTest.class.getResourceAsStream("/activity/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Activity> read(String name) {
        return CalendarFileReader.read(name, fixture(name), Instant.parse("2026-09-01T00:00:00Z"),
                Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    }

    @Test
    void attendeesOrganiserAndTimeZones() {
        List<Activity> meetings = read("globex-calendar.ics");
        Activity budget = meetings.stream().filter(a -> a.ref().equals("budget-review-1@globex.com")).findFirst()
                .orElseThrow();
        // 09:00 in Berlin in October (summer time, UTC+2) is 07:00 UTC.
        assertThat(budget.at()).isEqualTo(Instant.parse("2026-10-02T07:00:00Z"));
        assertThat(budget.from()).isEqualTo("dana.wells@globex.com");
        assertThat(budget.to()).containsExactly("sam.ortiz@globex.com", "kim.novak@globex.com",
                "pat.unknown@globex.com", "rep@ourcompany.example");
        assertThat(budget.subject()).isEqualTo("Budget review");
    }

    @Test
    void recurringMeetingsAreExpandedWithExceptionsAndOverrides() {
        List<Activity> sync = read("globex-calendar.ics").stream()
                .filter(a -> a.ref().startsWith("weekly-sync")).toList();
        // Six weekly occurrences from 5 Oct, 19 Oct excluded, 26 Oct moved to 27 Oct 14:00 New York.
        assertThat(sync).extracting(Activity::at).containsExactly(
                Instant.parse("2026-10-05T13:00:00Z"), Instant.parse("2026-10-12T13:00:00Z"),
                Instant.parse("2026-10-27T18:00:00Z"),
                // New York leaves summer time on 1 Nov: 09:00 is then 14:00 UTC.
                Instant.parse("2026-11-02T14:00:00Z"), Instant.parse("2026-11-09T14:00:00Z"));
        // The attendee who declined is not counted.
        assertThat(sync.get(0).to()).containsExactly("kim.novak@globex.com");
        assertThat(sync).extracting(Activity::ref).doesNotHaveDuplicates();
    }

    @Test
    void allDayCancelledAndOutOfWindowMeetings() {
        List<Activity> meetings = read("globex-calendar.ics");
        assertThat(meetings).filteredOn(a -> a.ref().equals("offsite@globex.com")).extracting(Activity::at)
                .containsExactly(Instant.parse("2026-10-20T00:00:00Z"));
        assertThat(meetings).extracting(Activity::ref).doesNotContain("cancelled@globex.com", "old@globex.com");
        assertThat(meetings).hasSize(1 + 5 + 1);
    }

    @Test
    void aBrokenDateNamesFileLineAndProperty() {
        assertThatThrownBy(() -> read("broken-date.ics")).isInstanceOfSatisfying(ActivityFileRefused.class, e -> {
            assertThat(e.file()).isEqualTo("broken-date.ics");
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.field()).isEqualTo("DTSTART");
            assertThat(e.reason()).contains("2026-13-45T25:00");
        });
    }

    @Test
    void aBrokenStructureNamesTheLine() {
        assertThatThrownBy(() -> read("broken-structure.ics")).isInstanceOfSatisfying(ActivityFileRefused.class,
                e -> {
                            assertThat(e.file()).isEqualTo("broken-structure.ics");
                    // ical4j notices the missing END:VEVENT where the file ends.
                    assertThat(e.line()).isEqualTo(10);
                    assertThat(e.reason()).contains("end of file");
                });
    }
}
