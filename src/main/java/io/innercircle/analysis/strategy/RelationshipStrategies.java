package io.innercircle.analysis.strategy;

import io.innercircle.analysis.AccountNetwork;
import io.innercircle.analysis.Texts;
import io.innercircle.analysis.deal.Ally;
import io.innercircle.analysis.deal.DealContext;
import io.innercircle.analysis.innercircle.InnerCircleReport;
import io.innercircle.analysis.innercircle.PersonInfluence;
import io.innercircle.analysis.internal.path.InfluencePath;
import io.innercircle.analysis.internal.path.InfluencePathFinder;
import io.innercircle.vocabulary.Adaptability;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Coverage;
import io.innercircle.vocabulary.Status;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Relationship strategy per stakeholder of one deal (TAS module 4, "Alignment").
 *
 * <p><b>Strategy</b> follows our status: mentors and supporters are leveraged, neutrals and people without a status
 * are motivated (both offensive), non-supporters and enemies are neutralized (defensive).
 *
 * <p><b>Priority</b> = 0.5 × role weight + 0.5 × influence. Role weight is the highest of the person's roles:
 * decision maker 1.0, approver and sponsor 0.9 (they can stop the deal), evaluator 0.5, user 0.25, none 0.
 * Influence is the computed influence 0..1, or 1.0 for the Inner Circle (confirmed, or a candidate the rep has
 * not rejected). Key players are HIGH whatever the score; MEDIUM starts at 0.25.
 *
 * <p><b>Approach</b>: for everyone not yet a mentor or supporter, the strongest influence route from one of our
 * allies ({@link DealContext#allies()}) to them, found by {@link InfluencePathFinder#forDeal}: along influence lines
 * (from shaper to listener), route strength the product of strength/3 per line, never over a line between two
 * people in conflict, never through an enemy. Ties go to the shorter route, then to the better ally.
 *
 * <p><b>Complexity</b>: one Dijkstra per stakeholder not on our side, O(S · (E + V log V)); the rest is linear.
 *
 * <p><b>Source</b>: Target Account Selling, modules 3 (adaptability: what each group wants and what to sell them)
 * and 4 (relationship strategies, their process and caveats).
 */
public final class RelationshipStrategies {

    private static final Map<BuyingRole, Double> ROLE_WEIGHT = new EnumMap<>(Map.of(
            BuyingRole.DECISION_MAKER, 1.0,
            BuyingRole.APPROVER, 0.9,
            BuyingRole.SPONSOR, 0.9,
            BuyingRole.EVALUATOR, 0.5,
            BuyingRole.USER, 0.25));

    public static final double MEDIUM_PRIORITY_FROM = 0.25;

    private RelationshipStrategies() {
    }

    public static DealStrategy plan(AccountNetwork graphs, InnerCircleReport innerCircle, String dealKey) {
        return plan(DealContext.of(graphs, innerCircle, dealKey));
    }

    public static DealStrategy plan(DealContext deal) {
        return new Planner(deal).plan();
    }

    /** 0.5 × role weight + 0.5 × influence, where the Inner Circle counts as full influence. */
    public static double priorityScore(Collection<BuyingRole> roles, double computedInfluence, boolean innerCircle) {
        return 0.5 * roleWeight(roles) + 0.5 * (innerCircle ? 1.0 : computedInfluence);
    }

    /** The weight of the person's heaviest role; 0 without a role. */
    public static double roleWeight(Collection<BuyingRole> roles) {
        return roles.stream().mapToDouble(ROLE_WEIGHT::get).max().orElse(0);
    }

    private static final class Planner {
        private final DealContext deal;
        private final AccountNetwork g;
        private final InfluencePathFinder finder;
        private final List<Ally> allies;
        private final Map<String, Ally> allyByKey;
        private final Map<String, InfluencePath> approaches = new HashMap<>();

        Planner(DealContext deal) {
            this.deal = deal;
            this.g = deal.network();
            this.finder = InfluencePathFinder.forDeal(g, deal.deal().key());
            this.allies = deal.allies();
            this.allyByKey = allies.stream().collect(Collectors.toMap(Ally::key, a -> a));
        }

        DealStrategy plan() {
            List<String> keys = deal.stakeholders();
            for (String key : keys) {
                if (!supportive(key)) {
                    List<String> starts = allies.stream().map(Ally::key).filter(a -> !a.equals(key)).toList();
                    finder.bestFrom(starts, key).ifPresent(p -> approaches.put(key, p));
                }
            }
            List<StakeholderStrategy> out = new ArrayList<>();
            for (String key : keys) {
                out.add(strategyFor(key));
            }
            out.sort(Comparator.comparing(StakeholderStrategy::priority)
                    .thenComparing(Comparator.comparingDouble(StakeholderStrategy::priorityScore).reversed())
                    .thenComparing(Comparator.comparingDouble((StakeholderStrategy s) -> roleWeight(s.roles()))
                            .reversed())
                    .thenComparing(StakeholderStrategy::name));
            return new DealStrategy(deal.deal().key(), deal.deal().name(), allies, out);
        }

        private boolean supportive(String key) {
            Status s = deal.status(key);
            return s != null && s.isSupportive();
        }

        private StakeholderStrategy strategyFor(String key) {
            Status status = deal.status(key);
            RelationshipStrategy strategy = RelationshipStrategy.forStatus(status);
            PersonInfluence influence = deal.influence(key).orElseThrow();
            boolean innerCircle = deal.innerCircle(key);
            boolean keyPlayer = deal.keyPlayer(key);
            Set<BuyingRole> roles = deal.roles(key);
            double score = priorityScore(roles, influence.computedInfluence(), innerCircle);
            Priority priority = keyPlayer ? Priority.HIGH
                    : score + 1e-9 >= MEDIUM_PRIORITY_FROM ? Priority.MEDIUM : Priority.LOW;
            Adaptability adaptability = Adaptability.parse(g.person(key).adaptability());
            InfluencePath approach = approaches.get(key);
            Ally via = approach == null ? null : allyByKey.get(approach.start());
            List<String> actions = switch (strategy) {
                case LEVERAGE -> leverage(key, adaptability);
                case MOTIVATE -> motivate(key, adaptability, innerCircle, approach, via);
                case NEUTRALIZE -> neutralize(key, status, approach, via);
            };
            return new StakeholderStrategy(key, g.name(key), g.person(key).title(), List.copyOf(roles), status,
                    strategy, strategy.posture(), keyPlayer, innerCircle, influence.computedInfluence(),
                    influence.computedLevel(), score, priority, adaptability,
                    adaptability == null ? null : adaptability.sellThem(), actions, strategy.caveats(),
                    approach, via, supportive(key) ? null : approachNote(key, approach, via));
        }

        private List<String> leverage(String key, Adaptability adaptability) {
            String name = g.name(key);
            List<String> actions = new ArrayList<>();
            actions.add("Validate your position: ask " + name + " where we stand in this deal and what could still "
                    + "go wrong.");
            actions.add("Confirm your value: check that " + name + " sees the value we bring in their own terms"
                    + (adaptability == null ? "." : " (" + adaptability.sellThem() + ", as "
                    + withArticle(adaptability) + ")."));
            List<Map.Entry<String, InfluencePath>> through = approaches.entrySet().stream()
                    .filter(e -> e.getValue().start().equals(key))
                    .sorted(Map.Entry.<String, InfluencePath>comparingByValue(
                            Comparator.comparingDouble(InfluencePath::strength).reversed())
                            .thenComparing(e -> g.name(e.getKey())))
                    .toList();
            if (!through.isEmpty()) {
                actions.add("Ask for help: " + name + " is our strongest way in to "
                        + Texts.joinAnd(through.stream().map(e -> g.name(e.getKey())).toList()) + " ("
                        + through.stream().map(e -> e.getValue().describe()).collect(Collectors.joining("; "))
                        + "); ask them to make our case.");
            } else {
                actions.add("Ask for help: ask " + name + " who really decides and for an introduction to the key "
                        + "players they know.");
            }
            for (String rival : g.conflictsOf(key)) {
                if (deal.keyPlayer(rival)) {
                    actions.add("Don't send " + name + " to " + g.name(rival) + ": they are in conflict, and "
                            + name + "'s support could turn " + g.name(rival) + " against us.");
                }
            }
            return actions;
        }

        private List<String> motivate(String key, Adaptability adaptability, boolean innerCircle,
                                      InfluencePath approach, Ally via) {
            String name = g.name(key);
            List<String> actions = new ArrayList<>();
            actions.add("Understand: learn how " + name + " is measured and rewarded (business agenda) and what they "
                    + "want for themselves (personal agenda).");
            if (innerCircle) {
                actions.add("Understand: " + name + " is Inner Circle: they set goals and control outcomes, so tie "
                        + "our proposal to the goals they set.");
            }
            actions.add("Connect: " + connect(key, approach, via));
            actions.add("Demonstrate: " + (adaptability == null
                    ? "show " + name + " evidence of value that matters to them; record their adaptability to know "
                    + "what to sell them."
                    : advice(adaptability, name)));
            actions.add("Reinforce: follow up on what you showed and keep " + name + " informed as the deal moves.");
            return actions;
        }

        private List<String> neutralize(String key, Status status, InfluencePath approach, Ally via) {
            String name = g.name(key);
            List<String> actions = new ArrayList<>();
            List<String> listeners = g.listenersOf(key).stream()
                    .filter(l -> !supportive(l))
                    .sorted(Comparator.comparingInt((String l) -> g.strength(key, l)).reversed())
                    .map(l -> g.name(l) + " (" + Texts.strengthWord(g.strength(key, l)) + " line)")
                    .toList();
            if (listeners.isEmpty()) {
                actions.add("Minimize their influence on the decision: nobody on the map is recorded as taking "
                        + name + "'s lead; keep it that way by giving them no platform in the evaluation.");
            } else {
                actions.add("Minimize their influence on the decision: " + name + "'s opinion shapes the decisions "
                        + "of " + Texts.joinAnd(listeners) + "; make sure they hear our case from our allies first.");
            }
            actions.add("Work through allies: " + connect(key, approach, via));
            actions.add(status == Status.ENEMY
                    ? "Treat anything you share with " + name + " as shared with the competitor."
                    : "Find out why " + name + " does not support us, in their business and personal agenda, and "
                    + "answer what you can.");
            for (String rival : g.conflictsOf(key)) {
                if (allyByKey.containsKey(rival)) {
                    actions.add("Don't make " + g.name(rival) + " your messenger: " + g.name(rival) + " and " + name
                            + " are in conflict.");
                }
            }
            return actions;
        }

        private String connect(String key, InfluencePath approach, Ally via) {
            String name = g.name(key);
            String known = deal.bestContact(key)
                    .filter(c -> Coverage.parse(c.coverage()) != Coverage.NONE)
                    .map(c -> AccountNetwork.teamMemberName(c) + " has "
                            + Coverage.parse(c.coverage()).label() + " with " + name + " already")
                    .orElse(null);
            if (approach == null) {
                if (known != null) {
                    return known + "; build on that.";
                }
                return "no ally's opinion reaches " + name + " on the map; "
                        + (g.influencersOf(key).isEmpty()
                        ? "find out whom they listen to."
                        : "win over someone they listen to (" + Texts.joinAnd(g.influencersOf(key).stream()
                        .map(g::name).toList()) + ") or build your own relationship.");
            }
            String text = (known == null ? "ask " : known + "; to add weight, ask ") + via.name() + " (" + via.why()
                    + ") to help: " + approach.describe() + ", route strength " + Texts.score(approach.strength())
                    + ".";
            return via.status() == null || !via.status().isSupportive()
                    ? text + " " + via.name() + " is not yet a supporter, so motivate them first."
                    : text;
        }

        private String approachNote(String key, InfluencePath approach, Ally via) {
            String name = g.name(key);
            if (approach != null) {
                return via.status() == null || !via.status().isSupportive()
                        ? via.name() + " is not yet a supporter; motivate them before asking for help." : null;
            }
            if (g.influencersOf(key).isEmpty()) {
                return "Nobody on the map is recorded as shaping " + name + "'s decisions.";
            }
            List<String> blocked = g.influencersOf(key).stream()
                    .filter(i -> g.inConflict(i, key) || finder.avoided().contains(i))
                    .map(g::name).toList();
            return "No ally's opinion reaches " + name + " along the map's influence lines"
                    + (blocked.isEmpty() ? "." : "; the lines from " + Texts.joinAnd(blocked)
                    + " cannot be used (conflict or enemy).");
        }
    }

    /** "Sell Dana Wells product excellence and innovation: an innovator wants state of the art, ... and buys revolution." */
    private static String advice(Adaptability adaptability, String name) {
        return "Sell " + name + " " + adaptability.sellThem() + ": " + withArticle(adaptability) + " wants "
                + adaptability.wants() + (adaptability.buys() == null ? "." : ", and buys " + adaptability.buys() + ".");
    }

    /** "an innovator", "a pragmatist". */
    private static String withArticle(Adaptability adaptability) {
        return Texts.withArticle(adaptability.label());
    }
}
