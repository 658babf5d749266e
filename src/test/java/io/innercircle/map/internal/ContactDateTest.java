package io.innercircle.map.internal;

import io.innercircle.api.InvalidInputException;
import io.innercircle.map.internal.MapInputs.ContactInput;
import io.innercircle.vocabulary.Coverage;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * "In the future" is judged by the app's clock (UTC), not by the server's time zone or the real date. The date is
 * checked before the database is touched, so the edits need no database here.
 */
class ContactDateTest {

    /** 23:30 UTC on 1 January 2020: still 1 January in UTC, already 2 January east of UTC+0:30. */
    private static final Clock LATE_EVENING = Clock.fixed(Instant.parse("2020-01-01T23:30:00Z"), ZoneOffset.UTC);

    private final ContactEdits edits = new ContactEdits(null, null, null, LATE_EVENING);

    @Test
    void aDateMoreThanADayAheadOfTheAppsClockIsRefusedNamingTheField() {
        // Long past by the real calendar: only the injected clock makes it the future.
        assertThatThrownBy(() -> edits.recordContact(contact(LocalDate.of(2020, 1, 3))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("input.lastContact");
                    assertThat(e.reason()).contains("2020-01-03");
                });
    }

    @Test
    void tomorrowInUtcIsTodaySomewhereAndPassesTheDateCheck() {
        // Past the date check the edit goes on to the database, which this test leaves out (null): reaching it is
        // the sign that the date was accepted.
        assertThatThrownBy(() -> edits.recordContact(contact(LocalDate.of(2020, 1, 2))))
                .isInstanceOf(NullPointerException.class);
    }

    private static ContactInput contact(LocalDate last) {
        return new ContactInput("acme/t-ana", "acme/p-bo", Coverage.MULTIPLE, last, null);
    }
}
