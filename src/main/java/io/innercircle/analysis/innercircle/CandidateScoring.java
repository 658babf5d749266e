package io.innercircle.analysis.innercircle;

import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.FormalLevel;
import io.innercircle.analysis.Texts;
import io.innercircle.analysis.internal.centrality.Centralities;
import io.innercircle.analysis.internal.centrality.InfluenceCentralities;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Inner Circle candidates: who is the centre of the informal network, whatever their rank.
 *
 * <p><b>Direction.</b> An influence line {@code A -> B} means B takes A's lead; influence accrues to A. A person's
 * <em>listeners</em> are the targets of their lines.
 *
 * <p><b>Score.</b> Computed influence is a weighted sum of five parts, each 0..1:
 * <ul>
 *   <li>{@value #W_PAGE_RANK} × PageRank percentile (listened to by people who are themselves listened to;
 *       strengths as weights);</li>
 *   <li>{@value #W_CLOSENESS} × harmonic-closeness percentile (how quickly their opinion reaches everyone, along
 *       influence lines, a line of strength s being 1/s long);</li>
 *   <li>{@value #W_LISTENERS} × distinct listeners, full marks at {@value #FULL_LISTENERS} ("many people take
 *       their lead");</li>
 *   <li>{@value #W_DEPARTMENTS} × other departments among the listeners, full marks at {@value #FULL_DEPARTMENTS}
 *       ("across departments");</li>
 *   <li>{@value #W_SENIOR} × listeners ranked above them, full marks at {@value #FULL_SENIOR} ("up the
 *       hierarchy").</li>
 * </ul>
 * Network position (PageRank, closeness) is relative to the people on the same map, hence percentiles: the raw
 * values depend on the map's size and shape, percentiles do not, and "clearly ahead of 9 of the 10 others" is
 * something a rep can check. Values within 5% of each other tie, so rounding noise and small unrelated edits do not
 * reorder people. The counts are absolute, so a small map cannot make a weak person look strong.
 * Rank is deliberately not an input: a CEO nobody listens to scores 0. Betweenness is shown but not scored: it
 * rewards go-betweens who relay information up, the "end nodes" the method places in the Political Structure.
 *
 * <p><b>Candidate.</b> Someone is a candidate when all hold: at least {@code minListeners} distinct listeners;
 * at least one listener outside their own department or above them in rank (a manager followed only by their own
 * team is formal structure, not Inner Circle); computed influence at least {@code minScore}; and they are among
 * the best {@code maxCandidates}. The level is the score in fifths, so the default 0.6 means level 4 or 5.
 *
 * <p><b>Formal level.</b> The recorded rank, else derived from the reporting lines ({@link AccountNetwork#formalLevel}).
 *
 * <p><b>Complexity.</b> The centralities dominate: PageRank O(iterations · E), betweenness and closeness
 * O(V · E + V² log V) (Brandes / Dijkstra from every person). The rest is O(V log V + E).
 *
 * <p><b>Sources.</b> Target Account Selling, module 3 (the four characteristics: the Inner Circle is "the centre
 * of the informal communications network", the Political Structure its "end nodes"); Brin and Page (1998) for
 * PageRank; Marchiori and Latora (2000) / Rochat (2009) for harmonic closeness; Brandes (2001) for betweenness.
 */
public final class CandidateScoring {

    public static final double W_PAGE_RANK = 0.25;
    public static final double W_CLOSENESS = 0.20;
    public static final double W_LISTENERS = 0.25;
    public static final double W_DEPARTMENTS = 0.15;
    public static final double W_SENIOR = 0.15;

    public static final int FULL_LISTENERS = 3;
    public static final int FULL_DEPARTMENTS = 2;
    public static final int FULL_SENIOR = 2;

    /** The rep's judged influence and the computed level disagree when they are this far apart. */
    public static final int JUDGEMENT_GAP = 2;

    private CandidateScoring() {
    }

    public static InnerCircleReport analyse(AccountNetwork graphs) {
        return analyse(graphs, InnerCircleParameters.defaults());
    }

    public static InnerCircleReport analyse(AccountNetwork graphs, InnerCircleParameters parameters) {
        return analyse(graphs, InfluenceCentralities.compute(graphs.influence()), parameters);
    }

    /** For callers that already hold the centralities of {@code graphs.influence()} (e.g. from a cache). */
    public static InnerCircleReport analyse(AccountNetwork graphs, Centralities centralities,
                                            InnerCircleParameters parameters) {
        return new Run(graphs, centralities, parameters).report();
    }

    /** Influence 0..1 in fifths: [0, 0.2) is level 1, ..., [0.8, 1] is level 5. */
    public static int level(double influence) {
        // The epsilon keeps 0.6 (a sum of binary fractions) from landing at 0.5999... and dropping a level.
        return Math.max(1, Math.min(5, 1 + (int) Math.floor(influence * 5 + 1e-9)));
    }

    /** The gates a candidate passes, in the order they are checked. */
    private enum Gate { NO_LISTENERS, TOO_FEW_LISTENERS, OWN_TEAM_ONLY, BELOW_THRESHOLD, PASSED }

    private static final class Run {
        private final AccountNetwork g;
        private final Centralities c;
        private final InnerCircleParameters params;
        private final Map<String, List<Listener>> listeners = new HashMap<>();
        private final Map<MeasureKind, Map<String, Double>> raw = new EnumMap<>(MeasureKind.class);
        private final Map<MeasureKind, Map<String, Double>> percentiles = new EnumMap<>(MeasureKind.class);
        /** Position of each person passing every gate, best first; the first maxCandidates are the candidates. */
        private final Map<String, Integer> eligibleRank = new HashMap<>();
        private final Map<String, String> described = new HashMap<>();
        private final Map<String, String> lowerCaseDepartments = new HashMap<>();
        private final String threshold;

        Run(AccountNetwork g, Centralities c, InnerCircleParameters params) {
            this.g = g;
            this.c = c;
            this.params = params;
            this.threshold = Texts.score(params.minScore());
        }

        InnerCircleReport report() {
            for (String key : g.people().keySet()) {
                listeners.put(key, listenersOf(key));
            }
            putRaw(MeasureKind.PAGE_RANK, c.pageRank());
            putRaw(MeasureKind.HARMONIC_CLOSENESS, c.harmonicCloseness());
            putRaw(MeasureKind.BETWEENNESS, c.betweenness());
            putRaw(MeasureKind.INFLUENCE_OUT, c.influenceOut());
            putRaw(MeasureKind.INFLUENCE_IN, c.influenceIn());
            Map<String, Double> listenerCounts = new HashMap<>();
            Map<String, Double> departmentCounts = new HashMap<>();
            Map<String, Double> seniorCounts = new HashMap<>();
            for (String key : g.people().keySet()) {
                List<Listener> ls = listeners.get(key);
                listenerCounts.put(key, (double) ls.size());
                departmentCounts.put(key, (double) otherDepartments(ls).size());
                seniorCounts.put(key, (double) ls.stream().filter(l -> l.seniority() == Seniority.ABOVE).count());
            }
            putRaw(MeasureKind.LISTENERS, listenerCounts);
            putRaw(MeasureKind.OTHER_DEPARTMENTS, departmentCounts);
            putRaw(MeasureKind.SENIOR_LISTENERS, seniorCounts);

            Map<String, List<Measure>> measures = new HashMap<>();
            Map<String, Double> scores = new HashMap<>();
            for (String key : g.people().keySet()) {
                List<Measure> ms = measuresOf(key);
                measures.put(key, ms);
                scores.put(key, Math.min(1.0, ms.stream().mapToDouble(Measure::contribution).sum()));
            }

            Comparator<String> byStrength = Comparator.<String>comparingDouble(scores::get).reversed()
                    .thenComparing(Comparator.<String>comparingInt(k -> listeners.get(k).size()).reversed())
                    .thenComparing(g::name)
                    .thenComparing(Comparator.naturalOrder());
            List<String> strongestFirst = g.people().keySet().stream().sorted(byStrength).toList();
            for (String key : strongestFirst) {
                if (gate(key, scores.get(key)) == Gate.PASSED) {
                    eligibleRank.put(key, eligibleRank.size());
                }
            }

            List<PersonInfluence> people = strongestFirst.stream()
                    .map(k -> personInfluence(k, scores.get(k), measures.get(k)))
                    .toList();
            List<PersonInfluence> candidateList = people.stream().filter(PersonInfluence::candidate).toList();
            List<Disagreement> disagreements = new ArrayList<>();
            people.forEach(p -> disagreements.addAll(disagreements(p)));
            List<RankInfluencePoint> chart = people.stream().map(Run::point).toList();
            return new InnerCircleReport(params, people, candidateList, disagreements, chart);
        }

        private void putRaw(MeasureKind kind, Map<String, Double> values) {
            Map<String, Double> complete = new HashMap<>();
            for (String key : g.people().keySet()) {
                complete.put(key, values.getOrDefault(key, 0.0));
            }
            raw.put(kind, complete);
            percentiles.put(kind, Percentiles.of(complete));
        }

        private List<Listener> listenersOf(String key) {
            FormalLevel own = g.formalLevel(key);
            return g.listenersOf(key).stream().map(l -> {
                        Person p = g.person(l);
                        FormalLevel theirs = g.formalLevel(l);
                        return new Listener(l, g.name(l), p.title(), g.department(l), theirs, g.strength(key, l),
                                seniority(theirs, own), differentDepartments(key, l));
                    })
                    .sorted(Comparator.comparingInt(Listener::strength).reversed()
                            .thenComparing(Comparator.comparing((Listener l) -> l.formalLevel().known()
                                    ? l.formalLevel().level() : 0).reversed())
                            .thenComparing(Listener::name))
                    .toList();
        }

        private static Seniority seniority(FormalLevel listener, FormalLevel person) {
            if (!listener.known() || !person.known()) {
                return Seniority.UNKNOWN;
            }
            int cmp = Integer.compare(listener.level(), person.level());
            return cmp > 0 ? Seniority.ABOVE : cmp == 0 ? Seniority.SAME : Seniority.BELOW;
        }

        private static List<String> otherDepartments(List<Listener> ls) {
            Map<String, String> byLowerCase = new LinkedHashMap<>();
            ls.stream().filter(Listener::otherDepartment)
                    .forEach(l -> byLowerCase.putIfAbsent(l.department().toLowerCase(Locale.ROOT),
                            l.department()));
            return List.copyOf(byLowerCase.values());
        }

        private List<Measure> measuresOf(String key) {
            List<Measure> ms = new ArrayList<>();
            ms.add(network(MeasureKind.PAGE_RANK, key, W_PAGE_RANK));
            ms.add(network(MeasureKind.HARMONIC_CLOSENESS, key, W_CLOSENESS));
            ms.add(counted(MeasureKind.LISTENERS, key, W_LISTENERS, FULL_LISTENERS));
            ms.add(counted(MeasureKind.OTHER_DEPARTMENTS, key, W_DEPARTMENTS, FULL_DEPARTMENTS));
            ms.add(counted(MeasureKind.SENIOR_LISTENERS, key, W_SENIOR, FULL_SENIOR));
            ms.add(network(MeasureKind.BETWEENNESS, key, 0));
            ms.add(network(MeasureKind.INFLUENCE_OUT, key, 0));
            ms.add(network(MeasureKind.INFLUENCE_IN, key, 0));
            return ms;
        }

        private Measure network(MeasureKind kind, String key, double weight) {
            double value = raw.get(kind).get(key);
            double pct = percentiles.get(kind).get(key);
            return new Measure(kind, kind.label(), value, pct, pct, weight, weight * pct);
        }

        private Measure counted(MeasureKind kind, String key, double weight, int full) {
            double value = raw.get(kind).get(key);
            double normalized = Math.min(1.0, value / full);
            return new Measure(kind, kind.label(), value, percentiles.get(kind).get(key), normalized, weight,
                    weight * normalized);
        }

        /** Which gate stops the person, or {@link Gate#PASSED}; the words come only when a reason is written. */
        private Gate gate(String key, double score) {
            List<Listener> ls = listeners.get(key);
            if (ls.isEmpty()) {
                return Gate.NO_LISTENERS;
            }
            if (ls.size() < params.minListeners()) {
                return Gate.TOO_FEW_LISTENERS;
            }
            boolean beyondTeam = ls.stream().anyMatch(l -> l.otherDepartment() || l.seniority() == Seniority.ABOVE);
            if (!beyondTeam) {
                return Gate.OWN_TEAM_ONLY;
            }
            if (score + 1e-9 < params.minScore()) {
                return Gate.BELOW_THRESHOLD;
            }
            return Gate.PASSED;
        }

        /** Why the person is not a candidate, as a clause that completes "Not an Inner Circle candidate: ...". */
        private String whyNot(String key, double score) {
            List<Listener> ls = listeners.get(key);
            return switch (gate(key, score)) {
                case NO_LISTENERS -> "nobody on the map is recorded as taking their lead";
                case TOO_FEW_LISTENERS -> Texts.count(ls.size(), "person takes", "people take")
                        + " their lead, fewer than the " + params.minListeners() + " needed to be the centre of a "
                        + "network";
                case OWN_TEAM_ONLY -> "everyone who takes their lead is in their own department and not above them "
                        + "in rank; that is team standing or formal authority, not influence across the organization";
                case BELOW_THRESHOLD -> "computed influence " + Texts.score(score) + " is below the threshold of "
                        + threshold;
                case PASSED -> "computed influence " + Texts.score(score) + " ranks "
                        + ordinal(eligibleRank.get(key) + 1) + " and only the top " + params.maxCandidates()
                        + " are listed";
            };
        }

        /** "Pat Morgan (Senior VP, rank 5)", once per person: a person is named in the reasons of each they follow. */
        private String describe(String key) {
            return described.computeIfAbsent(key, g::describe);
        }

        /** As {@link AccountNetwork#differentDepartments}, with each department lower-cased once. */
        private boolean differentDepartments(String a, String b) {
            String da = lowerCaseDepartment(a);
            String db = lowerCaseDepartment(b);
            return !da.isEmpty() && !db.isEmpty() && !da.equals(db);
        }

        /** Empty when not recorded: a recorded department is never blank. */
        private String lowerCaseDepartment(String key) {
            return lowerCaseDepartments.computeIfAbsent(key, k -> {
                String d = g.department(k);
                return d == null ? "" : d.toLowerCase(Locale.ROOT);
            });
        }

        private boolean candidate(String key) {
            Integer rank = eligibleRank.get(key);
            return rank != null && rank < params.maxCandidates();
        }

        private PersonInfluence personInfluence(String key, double score, List<Measure> ms) {
            boolean candidate = candidate(key);
            Person p = g.person(key);
            FormalLevel formal = g.formalLevel(key);
            int level = level(score);
            Integer beyond = formal.known() ? level - formal.level() : null;
            List<Listener> ls = listeners.get(key);
            List<String> others = otherDepartments(ls);
            List<String> bridged = new ArrayList<>();
            if (!others.isEmpty()) {
                if (g.department(key) != null) {
                    bridged.add(g.department(key));
                }
                bridged.addAll(others);
            }
            int senior = raw.get(MeasureKind.SENIOR_LISTENERS).get(key).intValue();
            Band band = candidate ? Band.INNER_CIRCLE
                    : !ls.isEmpty() && (!formal.known() || level >= formal.level()) ? Band.POLITICAL_STRUCTURE
                    : Band.FORMAL_STRUCTURE;
            List<String> reasons = reasons(key, score, level, formal, ls, others, ms, candidate);
            return new PersonInfluence(key, g.name(key), p.title(), g.department(key), p.external(), p.rank(), formal,
                    score, level, beyond, p.judgedInfluence(), p.judgedInnerCircle(), candidate, ls, bridged, senior,
                    ms, reasons, band);
        }

        private List<String> reasons(String key, double score, int level, FormalLevel formal, List<Listener> ls,
                                     List<String> others, List<Measure> ms, boolean candidate) {
            List<String> reasons = new ArrayList<>();
            String name = g.name(key);
            if (candidate) {
                reasons.add("Inner Circle candidate: computed influence " + Texts.score(score) + " (level " + level
                        + " of 5), threshold " + threshold + ".");
            } else {
                reasons.add("Not an Inner Circle candidate: " + whyNot(key, score) + ".");
            }
            if (!ls.isEmpty()) {
                List<String> who = ls.stream().map(l -> describe(l.key())).toList();
                reasons.add(Texts.joinAnd(who) + (ls.size() == 1 ? " takes" : " take") + " their lead.");
            }
            List<String> above = ls.stream().filter(l -> l.seniority() == Seniority.ABOVE)
                    .map(l -> g.name(l.key()) + " (" + l.formalLevel().shortLabel() + ")").toList();
            if (!above.isEmpty()) {
                reasons.add("Their influence runs up the hierarchy: " + Texts.joinAnd(above)
                        + (above.size() == 1 ? " ranks" : " rank") + " above " + name + " ("
                        + formal.shortLabel() + ").");
            }
            if (!others.isEmpty()) {
                String own = g.department(key);
                reasons.add(own == null
                        ? "Reaches into " + Texts.joinAnd(others) + "."
                        : "Bridges departments: " + own + " (their own), " + Texts.joinAnd(others) + ".");
            }
            if (g.person(key).external()) {
                reasons.add(name + " is external (not on the customer's payroll) yet shapes decisions inside.");
            }
            reasons.add(levelSentence(level, formal));
            if (!ls.isEmpty()) {
                int othersOnMap = g.size() - 1;
                reasons.add("Network position: " + betterThan(ms, MeasureKind.PAGE_RANK, othersOnMap)
                        + " on being listened to by people who are themselves listened to (PageRank); "
                        + betterThan(ms, MeasureKind.HARMONIC_CLOSENESS, othersOnMap)
                        + " on how quickly their opinion reaches the rest of the map (harmonic closeness).");
            }
            return reasons;
        }

        private static String betterThan(List<Measure> ms, MeasureKind kind, int others) {
            Measure m = ms.stream().filter(x -> x.kind() == kind).findFirst().orElseThrow();
            long below = Math.round(m.percentile() * others);
            if (below == others) {
                return "ahead of all " + others + " others";
            }
            return below == 0 ? "not clearly ahead of any of the " + others + " others"
                    : "clearly ahead of " + below + " of the " + others + " others";
        }

        private static String levelSentence(int level, FormalLevel formal) {
            String computed = "Computed influence level " + level + " of 5";
            if (!formal.known()) {
                return computed + "; their rank is not known, so influence beyond rank cannot be judged.";
            }
            int gap = level - formal.level();
            String against = " against " + formal.describe();
            if (gap == 0) {
                return computed + against + ": influence matches their rank.";
            }
            String levels = Texts.count(Math.abs(gap), "level", "levels");
            return computed + against + ": " + levels + (gap > 0 ? " above" : " below") + " their rank.";
        }

        private static String ordinal(int n) {
            int mod100 = n % 100;
            String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                    : switch (n % 10) {
                        case 1 -> "st";
                        case 2 -> "nd";
                        case 3 -> "rd";
                        default -> "th";
                    };
            return n + suffix;
        }

        private List<Disagreement> disagreements(PersonInfluence p) {
            List<Disagreement> out = new ArrayList<>();
            if (Boolean.TRUE.equals(p.judgedInnerCircle()) && !p.candidate()) {
                out.add(new Disagreement(Disagreement.Kind.REP_SAYS_INNER_CIRCLE_GRAPH_DOES_NOT, p.key(), p.name(),
                        "You marked " + p.name() + " as Inner Circle, but the map does not put them at the centre "
                                + "of the network: " + whyNot(p.key(), p.computedInfluence())
                                + ". Add the influence lines you know of, or reconsider."));
            }
            if (p.candidate() && Boolean.FALSE.equals(p.judgedInnerCircle())) {
                out.add(new Disagreement(Disagreement.Kind.GRAPH_CANDIDATE_REP_SAYS_NO, p.key(), p.name(),
                        "You marked " + p.name() + " as not Inner Circle, but the map puts them at the centre of "
                                + "the network: " + listenerSummary(p) + " Check whether these lines are right."));
            }
            if (p.candidate() && p.judgedInnerCircle() == null) {
                out.add(new Disagreement(Disagreement.Kind.GRAPH_CANDIDATE_NOT_JUDGED, p.key(), p.name(),
                        "The map suggests " + p.name() + " may be Inner Circle: " + listenerSummary(p)
                                + " Confirm or reject."));
            }
            if (p.judgedInfluence() != null && Math.abs(p.judgedInfluence() - p.computedLevel()) >= JUDGEMENT_GAP) {
                boolean repHigher = p.judgedInfluence() > p.computedLevel();
                out.add(new Disagreement(Disagreement.Kind.JUDGED_INFLUENCE_DIFFERS, p.key(), p.name(),
                        "You judged " + p.name() + "'s influence " + p.judgedInfluence() + " of 5; the map gives "
                                + p.computedLevel() + ". " + (repHigher
                                ? (p.listeners().isEmpty()
                                        ? "Nobody on the map is recorded as taking their lead: add the influence "
                                                + "lines you know of, or lower your judgement."
                                        : "Only " + Texts.count(p.listeners().size(), "person is", "people are")
                                                + " recorded as taking their lead: add the lines you know of, or "
                                                + "lower your judgement.")
                                : "The map shows more people taking their lead than your judgement suggests: "
                                        + "check the lines, or raise your judgement.")));
            }
            return out;
        }

        private String listenerSummary(PersonInfluence p) {
            return Texts.joinAnd(p.listeners().stream().map(l -> describe(l.key())).toList())
                    + (p.listeners().size() == 1 ? " takes" : " take") + " their lead.";
        }

        private static RankInfluencePoint point(PersonInfluence p) {
            FormalLevel f = p.formalLevel();
            Band judged = null;
            if (Boolean.TRUE.equals(p.judgedInnerCircle())) {
                judged = Band.INNER_CIRCLE;
            } else if (p.judgedInfluence() != null) {
                judged = !f.known() || p.judgedInfluence() >= f.level()
                        ? Band.POLITICAL_STRUCTURE : Band.FORMAL_STRUCTURE;
            }
            return new RankInfluencePoint(p.key(), p.name(), p.rank(), f.level(), f.source(), p.judgedInfluence(),
                    p.computedLevel(), p.band(), judged);
        }
    }
}
