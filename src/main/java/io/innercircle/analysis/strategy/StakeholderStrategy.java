package io.innercircle.analysis.strategy;

import io.innercircle.analysis.deal.Ally;
import io.innercircle.analysis.internal.path.InfluencePath;
import io.innercircle.vocabulary.Adaptability;
import io.innercircle.vocabulary.BuyingRole;
import io.innercircle.vocabulary.Status;

import java.util.List;

/**
 * The relationship strategy for one stakeholder in one deal.
 *
 * @param roles             buying roles in the deal (empty for Inner Circle people outside the buying process)
 * @param status            our status with them, or null when not recorded
 * @param keyPlayer         decision maker, approver, sponsor or Inner Circle
 * @param innerCircle       confirmed by the rep, or a graph candidate the rep has not rejected
 * @param priorityScore     0..1: half buying role (D 1.0, A and S 0.9, E 0.5, U 0.25), half computed influence
 *                          (1.0 for the Inner Circle)
 * @param priority          HIGH for key players; MEDIUM from a score of 0.25 (any evaluator, or an influential
 *                          user or bystander); LOW otherwise
 * @param adaptability      how they adopt change, or null when not judged
 * @param sellThem          what to sell them given their adaptability, or null when not judged
 * @param actions           plain-English next steps following the strategy's process
 * @param caveats           what the course warns against for this strategy
 * @param approach          for anyone not yet on our side: the strongest route from an ally, or null
 * @param approachVia       the ally that route starts from, or null
 * @param approachNote      why there is no route, or what to watch on it; null when nothing to say
 */
public record StakeholderStrategy(
        String key, String name, String title, List<BuyingRole> roles, Status status,
        RelationshipStrategy strategy, Posture posture, boolean keyPlayer, boolean innerCircle,
        double computedInfluence, int computedLevel, double priorityScore, Priority priority,
        Adaptability adaptability, String sellThem,
        List<String> actions, List<String> caveats,
        InfluencePath approach, Ally approachVia, String approachNote) {

    public StakeholderStrategy {
        roles = List.copyOf(roles);
        actions = List.copyOf(actions);
        caveats = List.copyOf(caveats);
    }
}
