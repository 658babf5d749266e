package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;
import io.innercircle.activity.internal.ActivityPeople.Person;
import io.innercircle.activity.internal.Evidence.Role;
import io.innercircle.activity.internal.InfluenceSuggester.Parameters;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Suggestions and flags on hand-made activity whose answers are worked out in the comments. */
class InfluenceSuggesterTest {

    static final Instant NOW = Instant.parse("2026-11-01T12:00:00Z");
    static final ActivityPeople PEOPLE = new ActivityPeople(List.of(
            new Person("dana", "Dana Wells", "Dana.Wells@globex.com", null, true),
            new Person("sam", "Sam Ortiz", "sam@globex.com", null, true),
            new Person("kim", "Kim Novak", null, "0035KIM", false),
            new Person("lee", "Lee Park", "lee@globex.com", null, true)));

    private static Activity meeting(String ref, int daysAgo, String organiser, String... attendees) {
        return new Activity(Kind.MEETING, ref, "Meeting " + ref, NOW.minus(daysAgo, ChronoUnit.DAYS), organiser,
                List.of(attendees), null);
    }

    private static Activity email(String ref, int daysAgo, String replyTo, String from, String... to) {
        return new Activity(Kind.EMAIL, ref, "Mail " + ref, NOW.minus(daysAgo, ChronoUnit.DAYS), from,
                List.of(to), replyTo);
    }

    private static List<Activity> fixture() {
        List<Activity> all = new ArrayList<>();
        // Dana convenes Sam one to one three times, today: dana -> sam, frequency 3 (weak: medium from 5).
        for (int i = 0; i < 3; i++) {
            all.add(meeting("m" + i, 0, "dana.wells@globex.com", "sam@globex.com"));
        }
        // Sam writes to Kim (by CRM id) and Lee; Kim answers first each time, Lee later: sam -> kim, sam -> lee.
        for (int i = 0; i < 3; i++) {
            all.add(email("e" + i, 0, null, "sam@globex.com", "0035KIM", "lee@globex.com"));
            all.add(email("k" + i, 0, "e" + i, "0035KIM", "sam@globex.com"));
            all.add(email("l" + i, 0, "e" + i, "lee@globex.com", "sam@globex.com"));
        }
        // Dana and Lee sit in three meetings someone outside the map organised: no direction, no suggestion.
        for (int i = 0; i < 3; i++) {
            all.add(meeting("x" + i, 0, "boss@partner.example", "dana.wells@globex.com", "lee@globex.com"));
        }
        return all;
    }

    @Test
    void directionFromOrganiserAndFirstReplyStrengthFromFrequency() {
        List<Suggestion> suggestions = InfluenceSuggester.suggest(fixture(), PEOPLE, Set.of(), NOW,
                Parameters.DEFAULT);
        assertThat(suggestions).extracting(Suggestion::key)
                .containsExactlyInAnyOrder("dana>sam", "sam>kim", "sam>lee");
        Suggestion danaSam = find(suggestions, "dana>sam");
        assertThat(danaSam.meetings()).isEqualTo(3);
        assertThat(danaSam.frequency()).isCloseTo(3.0, within(1e-9));
        assertThat(danaSam.strength()).isEqualTo(1);
        assertThat(danaSam.evidence()).hasSize(3).allMatch(e -> e.role() == Role.ORGANISED && e.supports());
        // sam-kim: 3 e-mails out (w each) + 3 replies (w each) = 6: medium; replies first each time.
        Suggestion samKim = find(suggestions, "sam>kim");
        assertThat(samKim.frequency()).isCloseTo(6.0, within(1e-9));
        assertThat(samKim.strength()).isEqualTo(2);
        assertThat(samKim.direction()).isCloseTo(3.0, within(1e-9));
        assertThat(samKim.evidence()).filteredOn(e -> e.role() == Role.REPLIED_FIRST).hasSize(3);
        // Lee answered after Kim each time: half weight.
        assertThat(find(suggestions, "sam>lee").direction()).isCloseTo(1.5, within(1e-9));
    }

    @Test
    void olderActivityWeighsLessAndLinesOnTheMapAreNotSuggested() {
        List<Activity> old = List.of(meeting("a", 90, "dana.wells@globex.com", "sam@globex.com"),
                meeting("b", 90, "dana.wells@globex.com", "sam@globex.com"),
                meeting("c", 90, "dana.wells@globex.com", "sam@globex.com"),
                meeting("d", 90, "dana.wells@globex.com", "sam@globex.com"),
                meeting("e", 90, "dana.wells@globex.com", "sam@globex.com"),
                meeting("f", 180, "dana.wells@globex.com", "sam@globex.com"));
        // Five at the half-life, one at twice: 5 x 0.5 + 0.25 = 2.75: weak (six today would be 6, medium).
        Suggestion s = InfluenceSuggester.suggest(old, PEOPLE, Set.of(), NOW, Parameters.DEFAULT).get(0);
        assertThat(s.frequency()).isCloseTo(2.75, within(1e-9));
        assertThat(s.strength()).isEqualTo(1);
        assertThat(InfluenceSuggester.suggest(old, PEOPLE, Set.of("dana>sam"), NOW, Parameters.DEFAULT)).isEmpty();
        // Too few: two meetings are below the three a pair needs; three old ones weigh 1.5, below 2.5.
        assertThat(InfluenceSuggester.suggest(old.subList(0, 2), PEOPLE, Set.of(), NOW, Parameters.DEFAULT))
                .isEmpty();
        assertThat(InfluenceSuggester.suggest(old.subList(0, 3), PEOPLE, Set.of(), NOW, Parameters.DEFAULT))
                .isEmpty();
    }

    @Test
    void staleContactsAndPeopleNotOnTheMap() {
        List<Activity> activities = List.of(
                meeting("m", 10, "dana.wells@globex.com", "pat@globex.com", "rep@ourcompany.example"),
                meeting("n", 70, "lee@globex.com", "pat@globex.com"));
        ActivityFlags.Flags flags = ActivityFlags.of(activities, PEOPLE, NOW, 60);
        // Dana met 10 days ago; Lee 70 days ago (stale); Sam never (stale); Kim is not covered.
        assertThat(flags.staleContacts()).extracting(ActivityFlags.StaleContact::key).containsExactly("lee", "sam");
        assertThat(flags.staleContacts().get(0).daysSince()).isEqualTo(70);
        // Pat is in the customer's domain; our own rep is not.
        assertThat(flags.notOnMap()).extracting(ActivityFlags.NotOnMap::address).containsExactly("pat@globex.com");
        assertThat(flags.notOnMap().get(0).activities()).isEqualTo(2);
    }

    private static Suggestion find(List<Suggestion> list, String key) {
        return list.stream().filter(s -> s.key().equals(key)).findFirst().orElseThrow();
    }
}
