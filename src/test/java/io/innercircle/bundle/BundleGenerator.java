package io.innercircle.bundle;

import io.innercircle.bundle.internal.Bundle;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Realistic, valid map bundles of any size for tests and benchmarks, the same bundle for the same seed.
 *
 * <p>Shape: a CEO, one head per department reporting to the CEO, everybody else in a department and
 * reporting to an earlier member of it (a random recursive tree, so a few levels deep); about 2% external
 * people (consultants, no manager) and 1% placeholders. Each person influences 3 to 6 others (5 on average):
 * about 70% of the lines stay inside the department, 15% cross to another one and 15% go up to the manager or
 * the manager's manager. One conflict per hundred people (at least one), mostly across departments; contacts
 * from a four-person team with about 15% of the people; one or two opportunities, each with roles and a status
 * for about 10% of the people, an assessment of six criteria and a plan of two to four tactics.
 *
 * <p>Only {@link java.util.Random} (its sequence is fixed by the Java specification) and insertion-ordered
 * collections are used, so a seed gives the same bundle on every JVM.
 */
public final class BundleGenerator {

    private static final String[] FIRST = {"Alex", "Sam", "Robin", "Kim", "Jo", "Lee", "Pat", "Dana", "Chris",
            "Morgan", "Terry", "Jamie", "Casey", "Avery", "Riley", "Quinn", "Drew", "Jordan", "Taylor", "Reese"};
    private static final String[] LAST = {"Chen", "Ortiz", "Wells", "Novak", "Hale", "Park", "Rivera", "Shah",
            "Quinn", "Blake", "Morgan", "Singh", "Kowalski", "Okafor", "Larsen", "Moreau", "Tanaka", "Silva",
            "Fischer", "Haddad"};
    private static final String[] DEPARTMENTS = {"Engineering", "Sales & Marketing", "Information Services",
            "Finance", "Operations", "Manufacturing", "Human Resources", "Legal", "Procurement", "Research",
            "Customer Service", "Logistics"};
    private static final String[] ADAPTABILITY = {"INNOVATOR", "VISIONARY", "PRAGMATIST", "CONSERVATIVE",
            "LAGGARD"};
    private static final String[] COVERAGE = {"NONE", "BRIEF", "MULTIPLE", "IN_DEPTH"};
    private static final String[] RELATIONSHIP = {"VENDOR", "CREDIBLE_SOURCE", "PROBLEM_SOLVER",
            "TRUSTED_ADVISOR"};
    private static final String[] ROLES = {"USER", "EVALUATOR", "DECISION_MAKER", "APPROVER", "SPONSOR"};
    private static final String[] STATUS = {"MENTOR", "SUPPORTER", "NEUTRAL", "NON_SUPPORTER", "ENEMY"};
    private static final String[] STAGES = {"QUALIFY", "DEVELOP", "SOLUTION", "PROOF", "CLOSE"};
    private static final String[] STRATEGIES = {"FRONTAL", "FLANKING", "FRAGMENT", "DEFEND", "DEVELOP"};
    private static final String[] PRIMES = {"PROVE_VALUE", "RETRIEVE_INFORMATION", "INSULATE",
            "MINIMIZE_WEAKNESSES", "EMPHASIZE_STRENGTHS"};
    private static final String[] MARKS = {"+", "-", "?"};
    private static final LocalDate BASE_DATE = LocalDate.of(2026, 1, 1);

    private BundleGenerator() {
    }

    /** A bundle of {@code people} stakeholders for the account "generated-{people}-{seed}". */
    public static Bundle generate(int people, long seed) {
        return generate("generated-" + people + "-" + seed, people, seed);
    }

    public static Bundle generate(String accountKey, int people, long seed) {
        if (people < 1) {
            throw new IllegalArgumentException("a bundle needs at least one person");
        }
        Random random = new Random(seed);
        int departments = Math.max(1, (int) Math.round(Math.sqrt(people) / 2.0));
        int width = String.valueOf(people - 1).length();

        // --- people and the reporting tree
        String[] key = new String[people];
        int[] department = new int[people];
        int[] manager = new int[people];
        int[] depth = new int[people];
        boolean[] external = new boolean[people];
        List<List<Integer>> members = new ArrayList<>();
        for (int d = 0; d < departments; d++) {
            members.add(new ArrayList<>());
        }
        for (int p = 0; p < people; p++) {
            key[p] = "p" + String.format("%0" + width + "d", p);
            manager[p] = -1;
            department[p] = -1;
            if (p == 0) {
                continue;
            }
            if (p <= departments) {
                department[p] = p - 1;
                manager[p] = 0;
                depth[p] = 1;
            } else if (random.nextInt(100) < 2) {
                external[p] = true;
            } else {
                int d = random.nextInt(departments);
                department[p] = d;
                List<Integer> dept = members.get(d);
                // Prefer recent members a little, so trees get a few levels deep rather than all flat.
                int m = dept.isEmpty() ? d + 1 : dept.get(dept.size() - 1 - (int) (random.nextDouble()
                        * random.nextDouble() * dept.size()));
                manager[p] = m;
                depth[p] = depth[m] + 1;
            }
            if (department[p] >= 0) {
                members.get(department[p]).add(p);
            }
        }

        List<Bundle.Stakeholder> stakeholders = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String dept = p == 0 ? "Executive" : external[p] ? "External" : departmentName(department[p]);
            int rank = p == 0 ? 5 : external[p] ? 2 : Math.max(1, 5 - depth[p]);
            boolean placeholder = p > departments && !external[p] && random.nextInt(100) < 1;
            int judged = random.nextInt(100);
            stakeholders.add(new Bundle.Stakeholder(key[p],
                    placeholder ? "(unknown) " + title(p, rank, dept) : FIRST[random.nextInt(FIRST.length)] + " "
                            + LAST[random.nextInt(LAST.length)],
                    title(p, rank, dept), dept, manager[p] >= 0 ? key[manager[p]] : null,
                    random.nextInt(10) < 8 ? ADAPTABILITY[random.nextInt(ADAPTABILITY.length)] : null, rank,
                    judged < 30 ? 1 + random.nextInt(5) : null,
                    judged < 5 ? Boolean.TRUE : judged < 10 ? Boolean.FALSE : null,
                    external[p] ? Boolean.TRUE : null, placeholder ? Boolean.TRUE : null,
                    random.nextInt(100) < 5 ? "Wants to cut " + dept.toLowerCase() + " costs by 10%" : null,
                    random.nextInt(100) < 3 ? "Hopes to be promoted this year" : null, null));
        }

        // --- influence lines: from's opinion shapes to's decisions
        Set<String> lines = new LinkedHashSet<>();
        List<Bundle.Influence> influences = new ArrayList<>();
        for (int p = 0; p < people && people > 1; p++) {
            int wanted = outDegree(random);
            for (int attempt = 0, made = 0; made < wanted && attempt < wanted * 4; attempt++) {
                int target = influenceTarget(random, p, department, manager, members, people);
                if (target < 0 || target == p || !lines.add(key[p] + ">" + key[target])) {
                    continue;
                }
                made++;
                int s = random.nextInt(4);
                influences.add(new Bundle.Influence(key[p], key[target], s == 0 ? 1 : s == 3 ? 3 : 2,
                        random.nextInt(100) < 3 ? "asks for advice on budget questions" : null));
            }
        }

        // --- conflicts, mostly across departments
        Set<String> pairs = new LinkedHashSet<>();
        List<Bundle.Conflict> conflicts = new ArrayList<>();
        int wantedConflicts = people < 2 ? 0 : Math.max(1, people / 100);
        for (int attempt = 0; conflicts.size() < wantedConflicts && attempt < wantedConflicts * 10; attempt++) {
            int a = random.nextInt(people);
            int b = random.nextInt(people);
            if (a == b || (department[a] == department[b] && random.nextInt(4) != 0)) {
                continue;
            }
            String x = key[Math.min(a, b)];
            String y = key[Math.max(a, b)];
            if (pairs.add(x + "|" + y)) {
                conflicts.add(new Bundle.Conflict(List.of(x, y),
                        random.nextBoolean() ? "competing for the same budget" : null));
            }
        }

        // --- our team and its contacts
        List<Bundle.TeamMember> team = List.of(
                new Bundle.TeamMember("am", "Randy", "Account manager"),
                new Bundle.TeamMember("se", "Nicole", "Sales engineer"),
                new Bundle.TeamMember("partner", "Omar", "Partner"),
                new Bundle.TeamMember("exec", "Helen", "Executive sponsor"));
        List<Bundle.Contact> contacts = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            if (random.nextInt(100) < 15) {
                contacts.add(new Bundle.Contact(team.get(random.nextInt(team.size())).key(), key[p],
                        COVERAGE[random.nextInt(COVERAGE.length)],
                        random.nextInt(10) < 8 ? BASE_DATE.plusDays(random.nextInt(300)).toString() : null,
                        random.nextInt(10) < 7 ? RELATIONSHIP[random.nextInt(RELATIONSHIP.length)] : null));
            }
        }

        List<Bundle.Competitor> competitors = List.of(new Bundle.Competitor("x-sys", "X-Sys"),
                new Bundle.Competitor("acme-soft", "Acme Software"));

        // --- one or two opportunities
        List<Bundle.Opportunity> opportunities = new ArrayList<>();
        int count = 1 + random.nextInt(2);
        for (int o = 0; o < count; o++) {
            List<Bundle.Roles> roles = new ArrayList<>();
            List<Bundle.Status> status = new ArrayList<>();
            for (int p = 0; p < people; p++) {
                if (random.nextInt(100) >= 10 && p != 0) {
                    continue;
                }
                Set<String> r = new LinkedHashSet<>();
                r.add(p == 0 ? "APPROVER" : ROLES[random.nextInt(ROLES.length)]);
                if (random.nextInt(4) == 0) {
                    r.add(ROLES[random.nextInt(ROLES.length)]);
                }
                roles.add(new Bundle.Roles(key[p], List.copyOf(r)));
                if (random.nextInt(10) < 9) {
                    status.add(new Bundle.Status(key[p], STATUS[random.nextInt(STATUS.length)]));
                }
            }
            List<Integer> criteria = new ArrayList<>();
            while (criteria.size() < 6) {
                int c = 1 + random.nextInt(20);
                if (!criteria.contains(c)) {
                    criteria.add(c);
                }
            }
            List<Bundle.Rating> assessment = criteria.stream().map(c -> new Bundle.Rating(c,
                    MARKS[random.nextInt(3)], MARKS[random.nextInt(3)], null)).toList();
            List<Bundle.Tactic> tactics = new ArrayList<>();
            int plan = 2 + random.nextInt(3);
            for (int t = 0; t < plan; t++) {
                tactics.add(new Bundle.Tactic(PRIMES[random.nextInt(PRIMES.length)],
                        "Meet " + key[random.nextInt(people)] + " to discuss the business case",
                        team.get(random.nextInt(team.size())).key(),
                        BASE_DATE.plusDays(30 + random.nextInt(200)).toString(), "travel",
                        100 * (1 + random.nextInt(20)), t == 0 ? Boolean.TRUE : null));
            }
            opportunities.add(new Bundle.Opportunity("opp-" + (o + 1), "Opportunity " + (o + 1),
                    250_000L * (1 + random.nextInt(40)), "USD",
                    BASE_DATE.plusDays(90 + random.nextInt(300)).toString(), STAGES[random.nextInt(STAGES.length)],
                    competitors.get(o % competitors.size()).key(), roles, status, assessment,
                    STRATEGIES[random.nextInt(STRATEGIES.length)], "Become the trusted adviser",
                    "Win the deal before the close date", tactics));
        }

        return new Bundle(Bundle.FORMAT,
                new Bundle.Account(accountKey, "Generated account (" + people + " people, seed " + seed + ")",
                        "Manufacturing", null),
                team, competitors, stakeholders, influences, conflicts, contacts, opportunities);
    }

    /** 3 to 6 lines, 5 on average. */
    private static int outDegree(Random random) {
        int r = random.nextInt(10);
        return r < 1 ? 3 : r < 3 ? 4 : r < 6 ? 5 : 6;
    }

    private static int influenceTarget(Random random, int p, int[] department, int[] manager,
                                       List<List<Integer>> members, int people) {
        int kind = random.nextInt(100);
        if (kind < 15 && manager[p] >= 0) {
            int boss = manager[p];
            return random.nextBoolean() && manager[boss] >= 0 ? manager[boss] : boss;
        }
        if (kind < 85 && department[p] >= 0 && members.get(department[p]).size() > 1) {
            List<Integer> dept = members.get(department[p]);
            return dept.get(random.nextInt(dept.size()));
        }
        return random.nextInt(people);
    }

    private static String departmentName(int d) {
        return d < DEPARTMENTS.length ? DEPARTMENTS[d] : "Division " + (d + 1);
    }

    private static String title(int p, int rank, String dept) {
        if (p == 0) {
            return "Chief Executive Officer";
        }
        if (dept.equals("External")) {
            return "Consultant";
        }
        return switch (rank) {
            case 4 -> "Director of " + dept;
            case 3 -> "Manager, " + dept;
            case 2 -> "Team Lead";
            default -> "Specialist";
        };
    }

    /** The bundle as compact JSON text, written the way the exporter writes it. */
    public static String toJson(Bundle bundle) {
        try {
            return new ObjectMapper().writeValueAsString(bundle);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode toTree(Bundle bundle) {
        return new ObjectMapper().valueToTree(bundle);
    }
}
