package io.innercircle.activity.internal;

import io.innercircle.activity.internal.Activity.Kind;
import io.innercircle.activity.internal.ActivityPeople.Person;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated customer organisation with known influence lines, and the meetings and e-mails such an
 * organisation produces over a window (seeded, so every run is the same). What the generator assumes about
 * behaviour is what the suggester assumes, plus noise it cannot tell from signal:
 * <ul>
 *   <li>each true line from → to (strength 1–3) yields about 2·strength one-to-ones or small meetings from
 *       organises, and about 2·strength e-mails from sends; to answers first with probability 0.7;</li>
 *   <li>noise: weekly department meetings convened by the head (everyone in the department attends), meetings
 *       of two to four random people convened by a random one, e-mails between random people answered by a
 *       random recipient, and outside addresses (our team, partners, people not on the map) in copy.</li>
 * </ul>
 */
final class ActivityOrganizationGenerator {

    record Organization(List<Person> people, Map<String, Integer> trueLines, List<Activity> activities,
                        Instant from, Instant to) {}

    private ActivityOrganizationGenerator() {
    }

    static Organization generate(int size, long seed, int days) {
        Random random = new Random(seed);
        Instant to = Instant.parse("2026-11-01T00:00:00Z");
        Instant from = to.minus(Duration.ofDays(days));
        List<Person> people = new ArrayList<>();
        int departments = Math.max(2, size / 10);
        Map<Integer, List<String>> byDepartment = new HashMap<>();
        for (int i = 0; i < size; i++) {
            String key = "p" + i;
            people.add(new Person(key, "Person " + i, key + "@customer.example", null, random.nextDouble() < 0.4));
            byDepartment.computeIfAbsent(i % departments, d -> new ArrayList<>()).add(key);
        }
        // True lines: each person listens to one to three others, half the time in their own department.
        Map<String, Integer> lines = new LinkedHashMap<>();
        for (int i = 0; i < size; i++) {
            String to2 = "p" + i;
            int influencers = 1 + random.nextInt(3);
            for (int k = 0; k < influencers; k++) {
                String fromKey;
                if (random.nextBoolean()) {
                    List<String> dept = byDepartment.get(i % departments);
                    fromKey = dept.get(random.nextInt(dept.size()));
                } else {
                    fromKey = "p" + random.nextInt(size);
                }
                if (!fromKey.equals(to2) && !lines.containsKey(to2 + ">" + fromKey)) {
                    lines.putIfAbsent(fromKey + ">" + to2, 1 + random.nextInt(3));
                }
            }
        }
        List<Activity> activities = new ArrayList<>();
        int[] id = {0};
        for (Map.Entry<String, Integer> line : lines.entrySet()) {
            String[] pair = line.getKey().split(">");
            int strength = line.getValue();
            int meetings = poisson(random, 2.0 * strength);
            for (int m = 0; m < meetings; m++) {
                List<String> attendees = new ArrayList<>(List.of(address(pair[1])));
                if (random.nextDouble() < 0.3) {
                    attendees.add(address("p" + random.nextInt(size)));
                }
                activities.add(meeting(id, at(random, from, days), address(pair[0]), attendees, "1:1"));
            }
            int emails = poisson(random, 2.0 * strength);
            for (int e = 0; e < emails; e++) {
                Instant sent = at(random, from, days);
                List<String> recipients = new ArrayList<>(List.of(address(pair[1])));
                if (random.nextDouble() < 0.4) {
                    recipients.add(address("p" + random.nextInt(size)));
                }
                if (random.nextDouble() < 0.3) {
                    recipients.add("rep@ourcompany.example");
                }
                Activity mail = email(id, sent, address(pair[0]), recipients, null);
                activities.add(mail);
                boolean first = random.nextDouble() < 0.7;
                if (recipients.size() > 1 && !first) {
                    String other = recipients.get(1);
                    if (!other.equals(address(pair[0]))) {
                        activities.add(email(id, sent.plus(Duration.ofMinutes(10)), other,
                                List.of(address(pair[0])), mail.ref()));
                    }
                }
                activities.add(email(id, sent.plus(Duration.ofMinutes(first ? 5 : 60)), address(pair[1]),
                        List.of(address(pair[0])), mail.ref()));
            }
        }
        // Department meetings, weekly, convened by the department's first person.
        for (List<String> dept : byDepartment.values()) {
            for (int week = 0; week < days / 7; week++) {
                if (random.nextDouble() < 0.8) {
                    activities.add(meeting(id, from.plus(Duration.ofDays(week * 7L + 1)), address(dept.get(0)),
                            dept.subList(1, dept.size()).stream().map(ActivityOrganizationGenerator::address)
                                    .toList(), "department meeting"));
                }
            }
        }
        // Random meetings and e-mails.
        for (int r = 0; r < size * 2; r++) {
            String organiser = address("p" + random.nextInt(size));
            List<String> attendees = new ArrayList<>();
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                attendees.add(address("p" + random.nextInt(size)));
            }
            if (random.nextDouble() < 0.2) {
                attendees.add("new" + random.nextInt(size) + "@customer.example");
            }
            activities.add(meeting(id, at(random, from, days), organiser, attendees, "project meeting"));
            Instant sent = at(random, from, days);
            String sender = address("p" + random.nextInt(size));
            Activity mail = email(id, sent, sender, attendees, null);
            activities.add(mail);
            String replier = attendees.get(random.nextInt(attendees.size()));
            if (!replier.equals(sender)) {
                activities.add(email(id, sent.plus(Duration.ofMinutes(30)), replier, List.of(sender), mail.ref()));
            }
        }
        return new Organization(people, lines, activities, from, to);
    }

    private static String address(String key) {
        return key + "@customer.example";
    }

    private static Instant at(Random random, Instant from, int days) {
        return from.plus(Duration.ofMinutes((long) (random.nextDouble() * days * 24 * 60)));
    }

    private static Activity meeting(int[] id, Instant at, String organiser, List<String> attendees, String subject) {
        List<String> others = attendees.stream().filter(a -> !a.equals(organiser)).distinct().toList();
        return new Activity(Kind.MEETING, "m" + id[0]++, subject, at, organiser, others, null);
    }

    private static Activity email(int[] id, Instant at, String from, List<String> to, String replyTo) {
        List<String> others = to.stream().filter(a -> !a.equals(from)).distinct().toList();
        return new Activity(Kind.EMAIL, "e" + id[0]++, replyTo == null ? "note" : "RE: note", at, from, others,
                replyTo);
    }

    private static int poisson(Random random, double mean) {
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= random.nextDouble();
        } while (p > l);
        return k - 1;
    }
}
