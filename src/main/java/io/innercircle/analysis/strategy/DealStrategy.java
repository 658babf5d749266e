package io.innercircle.analysis.strategy;

import io.innercircle.analysis.deal.Ally;

import java.util.List;
import java.util.Optional;

/**
 * Relationship strategies for everyone who matters in one deal.
 *
 * @param allies       our allies in the deal, best first
 * @param stakeholders one strategy per stakeholder, highest priority first
 */
public record DealStrategy(String dealKey, String dealName, List<Ally> allies, List<StakeholderStrategy> stakeholders) {

    public DealStrategy {
        allies = List.copyOf(allies);
        stakeholders = List.copyOf(stakeholders);
    }

    public Optional<StakeholderStrategy> stakeholder(String key) {
        return stakeholders.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public StakeholderStrategy require(String key) {
        return stakeholder(key).orElseThrow(() -> new IllegalArgumentException("'" + key + "' is not in this deal"));
    }
}
