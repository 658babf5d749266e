package io.innercircle.analysis.innercircle;

import io.innercircle.analysis.MapSnapshot.Person;
import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.FormalLevel;
import io.innercircle.analysis.Texts;
import io.innercircle.analysis.internal.centrality.Centralities;
import io.innercircle.analysis.internal.centrality.InfluenceCentralities;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultWeightedEdge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

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

    /**
     * One scoring of one map. People are numbered in the map's order and every per-person value sits in an array
     * at that number: at 2,000 people and more the maps keyed by person that this replaced were most of the
     * scoring's time. The reasons are written when first asked for (see {@link LazyReasons}).
     */
    private static final class Run {
        private static final MeasureKind[] KINDS = MeasureKind.values();

        private final AccountNetwork g;
        private final Centralities c;
        private final InnerCircleParameters params;
        private final String[] keys;
        private final Map<String, Integer> index;
        private final Person[] persons;
        private final String[] names;
        /** Trimmed, null when not recorded. */
        private final String[] departments;
        /** Lower-cased, empty when not recorded: a recorded department is never blank. */
        private final String[] lowerCaseDepartments;
        private final FormalLevel[] formalLevels;
        private final List<Listener>[] listeners;
        /** Per kind (by ordinal), per person. */
        private final double[][] raw = new double[KINDS.length][];
        private final double[][] percentiles = new double[KINDS.length][];
        /** Position of each person passing every gate, best first, or -1; the first maxCandidates are candidates. */
        private final int[] eligibleRank;
        private int eligible;
        /** "Pat Morgan (Senior VP, rank 5)", written once per person when first needed. */
        private final String[] described;
        private final String threshold;

        @SuppressWarnings("unchecked")
        Run(AccountNetwork g, Centralities c, InnerCircleParameters params) {
            this.g = g;
            this.c = c;
            this.params = params;
            this.threshold = Texts.score(params.minScore());
            int n = g.size();
            this.keys = g.people().keySet().toArray(new String[0]);
            this.index = new HashMap<>(2 * n);
            this.persons = new Person[n];
            this.names = new String[n];
            this.departments = new String[n];
            this.lowerCaseDepartments = new String[n];
            this.formalLevels = new FormalLevel[n];
            for (int i = 0; i < n; i++) {
                String key = keys[i];
                index.put(key, i);
                persons[i] = g.person(key);
                names[i] = g.name(key);
                departments[i] = g.department(key);
                lowerCaseDepartments[i] = departments[i] == null ? "" : departments[i].toLowerCase(Locale.ROOT);
                formalLevels[i] = g.formalLevel(key);
            }
            this.listeners = new List[n];
            this.eligibleRank = new int[n];
            Arrays.fill(eligibleRank, -1);
            this.described = new String[n];
        }

        InnerCircleReport report() {
            int n = keys.length;
            for (int i = 0; i < n; i++) {
                listeners[i] = listenersOf(i);
            }
            putRaw(MeasureKind.PAGE_RANK, c.pageRank());
            putRaw(MeasureKind.HARMONIC_CLOSENESS, c.harmonicCloseness());
            putRaw(MeasureKind.BETWEENNESS, c.betweenness());
            putRaw(MeasureKind.INFLUENCE_OUT, c.influenceOut());
            putRaw(MeasureKind.INFLUENCE_IN, c.influenceIn());
            double[] listenerCounts = new double[n];
            double[] departmentCounts = new double[n];
            double[] seniorCounts = new double[n];
            for (int i = 0; i < n; i++) {
                List<Listener> ls = listeners[i];
                listenerCounts[i] = ls.size();
                departmentCounts[i] = otherDepartments(ls).size();
                int senior = 0;
                for (Listener l : ls) {
                    if (l.seniority() == Seniority.ABOVE) {
                        senior++;
                    }
                }
                seniorCounts[i] = senior;
            }
            putRaw(MeasureKind.LISTENERS, listenerCounts);
            putRaw(MeasureKind.OTHER_DEPARTMENTS, departmentCounts);
            putRaw(MeasureKind.SENIOR_LISTENERS, seniorCounts);

            List<List<Measure>> measures = new ArrayList<>(n);
            double[] scores = new double[n];
            for (int i = 0; i < n; i++) {
                List<Measure> ms = measuresOf(i);
                measures.add(ms);
                scores[i] = Math.min(1.0, ms.stream().mapToDouble(Measure::contribution).sum());
            }

            // Highest score first, then more listeners, then by name, then by key.
            Integer[] strongestFirst = new Integer[n];
            for (int i = 0; i < n; i++) {
                strongestFirst[i] = i;
            }
            Arrays.sort(strongestFirst, (a, b) -> {
                int byScore = Double.compare(scores[b], scores[a]);
                if (byScore != 0) {
                    return byScore;
                }
                int byListeners = Integer.compare(listeners[b].size(), listeners[a].size());
                if (byListeners != 0) {
                    return byListeners;
                }
                int byName = names[a].compareTo(names[b]);
                return byName != 0 ? byName : keys[a].compareTo(keys[b]);
            });
            for (int i : strongestFirst) {
                if (gate(i, scores[i]) == Gate.PASSED) {
                    eligibleRank[i] = eligible++;
                }
            }

            List<PersonInfluence> people = new ArrayList<>(n);
            for (int i : strongestFirst) {
                people.add(personInfluence(i, scores[i], measures.get(i)));
            }
            List<PersonInfluence> candidateList = people.stream().filter(PersonInfluence::candidate).toList();
            List<Disagreement> disagreements = new ArrayList<>();
            people.forEach(p -> disagreements.addAll(disagreements(p)));
            List<RankInfluencePoint> chart = people.stream().map(Run::point).toList();
            return new InnerCircleReport(params, people, candidateList, disagreements, chart);
        }

        private void putRaw(MeasureKind kind, Map<String, Double> values) {
            double[] complete = new double[keys.length];
            for (int i = 0; i < keys.length; i++) {
                complete[i] = values.getOrDefault(keys[i], 0.0);
            }
            putRaw(kind, complete);
        }

        private void putRaw(MeasureKind kind, double[] values) {
            raw[kind.ordinal()] = values;
            percentiles[kind.ordinal()] = Percentiles.of(values);
        }

        /** Strongest line first, then the most senior, then by name. */
        private static final Comparator<Listener> LISTENER_ORDER = Comparator.comparingInt(Listener::strength)
                .reversed()
                .thenComparing(Comparator.comparing((Listener l) -> l.formalLevel().known()
                        ? l.formalLevel().level() : 0).reversed())
                .thenComparing(Listener::name);

        private List<Listener> listenersOf(int person) {
            FormalLevel own = formalLevels[person];
            Graph<String, DefaultWeightedEdge> influence = g.influence();
            Set<DefaultWeightedEdge> lines = influence.outgoingEdgesOf(keys[person]);
            if (lines.isEmpty()) {
                return List.of();
            }
            Listener[] ls = new Listener[lines.size()];
            int k = 0;
            for (DefaultWeightedEdge line : lines) {
                int l = index.get(influence.getEdgeTarget(line));
                FormalLevel theirs = formalLevels[l];
                ls[k++] = new Listener(keys[l], names[l], persons[l].title(), departments[l], theirs,
                        (int) influence.getEdgeWeight(line), seniority(theirs, own), differentDepartments(person, l));
            }
            Arrays.sort(ls, LISTENER_ORDER);
            return List.of(ls);
        }

        private static Seniority seniority(FormalLevel listener, FormalLevel person) {
            if (!listener.known() || !person.known()) {
                return Seniority.UNKNOWN;
            }
            int cmp = Integer.compare(listener.level(), person.level());
            return cmp > 0 ? Seniority.ABOVE : cmp == 0 ? Seniority.SAME : Seniority.BELOW;
        }

        private static List<String> otherDepartments(List<Listener> ls) {
            Map<String, String> byLowerCase = null;
            for (Listener l : ls) {
                if (l.otherDepartment()) {
                    if (byLowerCase == null) {
                        byLowerCase = new LinkedHashMap<>();
                    }
                    byLowerCase.putIfAbsent(l.department().toLowerCase(Locale.ROOT), l.department());
                }
            }
            return byLowerCase == null ? List.of() : List.copyOf(byLowerCase.values());
        }

        private List<Measure> measuresOf(int person) {
            return List.of(
                    network(MeasureKind.PAGE_RANK, person, W_PAGE_RANK),
                    network(MeasureKind.HARMONIC_CLOSENESS, person, W_CLOSENESS),
                    counted(MeasureKind.LISTENERS, person, W_LISTENERS, FULL_LISTENERS),
                    counted(MeasureKind.OTHER_DEPARTMENTS, person, W_DEPARTMENTS, FULL_DEPARTMENTS),
                    counted(MeasureKind.SENIOR_LISTENERS, person, W_SENIOR, FULL_SENIOR),
                    network(MeasureKind.BETWEENNESS, person, 0),
                    network(MeasureKind.INFLUENCE_OUT, person, 0),
                    network(MeasureKind.INFLUENCE_IN, person, 0));
        }

        private Measure network(MeasureKind kind, int person, double weight) {
            double value = raw[kind.ordinal()][person];
            double pct = percentiles[kind.ordinal()][person];
            return new Measure(kind, kind.label(), value, pct, pct, weight, weight * pct);
        }

        private Measure counted(MeasureKind kind, int person, double weight, int full) {
            double value = raw[kind.ordinal()][person];
            double normalized = Math.min(1.0, value / full);
            return new Measure(kind, kind.label(), value, percentiles[kind.ordinal()][person], normalized, weight,
                    weight * normalized);
        }

        /** Which gate stops the person, or {@link Gate#PASSED}; the words come only when a reason is written. */
        private Gate gate(int person, double score) {
            List<Listener> ls = listeners[person];
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
        private String whyNot(int person, double score) {
            List<Listener> ls = listeners[person];
            return switch (gate(person, score)) {
                case NO_LISTENERS -> "nobody on the map is recorded as taking their lead";
                case TOO_FEW_LISTENERS -> Texts.count(ls.size(), "person takes", "people take")
                        + " their lead, fewer than the " + params.minListeners() + " needed to be the centre of a "
                        + "network";
                case OWN_TEAM_ONLY -> "everyone who takes their lead is in their own department and not above them "
                        + "in rank; that is team standing or formal authority, not influence across the organization";
                case BELOW_THRESHOLD -> "computed influence " + Texts.score(score) + " is below the threshold of "
                        + threshold;
                case PASSED -> "computed influence " + Texts.score(score) + " ranks "
                        + ordinal(eligibleRank[person] + 1) + " and only the top " + params.maxCandidates()
                        + " are listed";
            };
        }

        /** "Pat Morgan (Senior VP, rank 5)", once per person: a person is named in the reasons of each they follow. */
        private String describe(String key) {
            int person = index.get(key);
            String d = described[person];
            if (d == null) {
                d = g.describe(key);
                described[person] = d;
            }
            return d;
        }

        /** As {@link AccountNetwork#differentDepartments}, with each department lower-cased once. */
        private boolean differentDepartments(int a, int b) {
            String da = lowerCaseDepartments[a];
            String db = lowerCaseDepartments[b];
            return !da.isEmpty() && !db.isEmpty() && !da.equals(db);
        }

        private boolean candidate(int person) {
            int rank = eligibleRank[person];
            return rank >= 0 && rank < params.maxCandidates();
        }

        private PersonInfluence personInfluence(int person, double score, List<Measure> ms) {
            boolean candidate = candidate(person);
            Person p = persons[person];
            FormalLevel formal = formalLevels[person];
            int level = level(score);
            Integer beyond = formal.known() ? level - formal.level() : null;
            List<Listener> ls = listeners[person];
            List<String> others = otherDepartments(ls);
            List<String> bridged = new ArrayList<>();
            if (!others.isEmpty()) {
                if (departments[person] != null) {
                    bridged.add(departments[person]);
                }
                bridged.addAll(others);
            }
            int senior = (int) raw[MeasureKind.SENIOR_LISTENERS.ordinal()][person];
            Band band = candidate ? Band.INNER_CIRCLE
                    : !ls.isEmpty() && (!formal.known() || level >= formal.level()) ? Band.POLITICAL_STRUCTURE
                    : Band.FORMAL_STRUCTURE;
            // Written on first use and under this run's lock: readers on several threads may ask at once.
            List<String> reasons = new LazyReasons(this,
                    () -> reasons(person, score, level, formal, ls, others, ms, candidate));
            return new PersonInfluence(keys[person], names[person], p.title(), departments[person], p.external(),
                    p.rank(), formal, score, level, beyond, p.judgedInfluence(), p.judgedInnerCircle(), candidate, ls,
                    bridged, senior, ms, reasons, band);
        }

        private List<String> reasons(int person, double score, int level, FormalLevel formal, List<Listener> ls,
                                     List<String> others, List<Measure> ms, boolean candidate) {
            List<String> reasons = new ArrayList<>();
            String name = names[person];
            if (candidate) {
                reasons.add("Inner Circle candidate: computed influence " + Texts.score(score) + " (level " + level
                        + " of 5), threshold " + threshold + ".");
            } else {
                reasons.add("Not an Inner Circle candidate: " + whyNot(person, score) + ".");
            }
            if (!ls.isEmpty()) {
                List<String> who = ls.stream().map(l -> describe(l.key())).toList();
                reasons.add(Texts.joinAnd(who) + (ls.size() == 1 ? " takes" : " take") + " their lead.");
            }
            List<String> above = ls.stream().filter(l -> l.seniority() == Seniority.ABOVE)
                    .map(l -> l.name() + " (" + l.formalLevel().shortLabel() + ")").toList();
            if (!above.isEmpty()) {
                reasons.add("Their influence runs up the hierarchy: " + Texts.joinAnd(above)
                        + (above.size() == 1 ? " ranks" : " rank") + " above " + name + " ("
                        + formal.shortLabel() + ").");
            }
            if (!others.isEmpty()) {
                String own = departments[person];
                reasons.add(own == null
                        ? "Reaches into " + Texts.joinAnd(others) + "."
                        : "Bridges departments: " + own + " (their own), " + Texts.joinAnd(others) + ".");
            }
            if (persons[person].external()) {
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
                                + "of the network: " + whyNot(index.get(p.key()), p.computedInfluence())
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
