package io.innercircle.analysis;

import io.innercircle.analysis.account.AnalysedAccount;

import java.util.Optional;

/**
 * What other features ({@code assessment}, {@code plan}) ask of the analysis: the analysis of one account's current
 * map. How it is kept (computed, cached, stored in the graph) is the analysis feature's business.
 */
public interface AnalysisService {

    /** The analysis of the account's current map, or empty when there is no such account. */
    Optional<AnalysedAccount> analysis(String account);
}
