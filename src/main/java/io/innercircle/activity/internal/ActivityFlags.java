package io.innercircle.activity.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the activity says about the map besides influence: <b>stale contacts</b>, people our team covers (a
 * contact with coverage other than NONE) who were in no meeting or e-mail of the window for {@code staleAfterDays}
 * or more; and <b>people not on the map</b>, customer addresses (see {@link ActivityPeople#isCustomer}) that are in
 * the activity but match no stakeholder, most frequent first. One pass over the activities' people: O(Σ n).
 */
final class ActivityFlags {

    record StaleContact(String key, String name, Instant lastActivity, long daysSince) {}

    record NotOnMap(String address, int activities, Instant lastAt, List<String> subjects) {}

    record Flags(List<StaleContact> staleContacts, List<NotOnMap> notOnMap) {}

    private ActivityFlags() {
    }

    static Flags of(List<Activity> activities, ActivityPeople people, Instant asOf, int staleAfterDays) {
        Map<String, Instant> last = new HashMap<>();
        Map<String, List<Activity>> unknown = new LinkedHashMap<>();
        for (Activity a : activities) {
            for (String address : a.people()) {
                ActivityPeople.Person p = people.find(address);
                if (p != null) {
                    last.merge(p.key(), a.at(), (x, y) -> x.isAfter(y) ? x : y);
                } else if (people.isCustomer(address)) {
                    unknown.computeIfAbsent(address, k -> new ArrayList<>()).add(a);
                }
            }
        }
        List<StaleContact> stale = new ArrayList<>();
        for (ActivityPeople.Person p : people.all()) {
            if (!p.covered()) {
                continue;
            }
            Instant seen = last.get(p.key());
            long days = seen == null ? -1 : Duration.between(seen, asOf).toDays();
            if (seen == null || days >= staleAfterDays) {
                stale.add(new StaleContact(p.key(), p.name(), seen, days));
            }
        }
        stale.sort(Comparator.comparing(StaleContact::key));
        List<NotOnMap> notOnMap = new ArrayList<>();
        unknown.forEach((address, list) -> {
            list.sort(Comparator.comparing(Activity::at).reversed());
            notOnMap.add(new NotOnMap(address, list.size(), list.get(0).at(), list.stream().map(Activity::subject)
                    .filter(s -> s != null).distinct().limit(3).toList()));
        });
        notOnMap.sort(Comparator.comparingInt(NotOnMap::activities).reversed().thenComparing(NotOnMap::address));
        return new Flags(stale, notOnMap);
    }
}
