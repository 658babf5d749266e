package io.innercircle.map;

/**
 * Lists an account's people ordered or filtered by what the map itself does not hold (the stored analysis: computed
 * influence, Inner Circle). Provided by the analysis feature, which reads the map; the map only asks, so it never
 * depends on the analysis.
 */
public interface StakeholderRanking {

    /** A page of the account's people in that order; only the Inner Circle as the analysis treats it when asked. */
    Page<Stakeholder> stakeholders(Account account, Page.Request request, StakeholderOrder order,
                                   boolean innerCircleOnly);
}
