/**
 * The analysis of one account (AnalysedAccount), read by the assessment and the plan.
 * Exposed to other modules as the named interface {@code analysis-account} (see ModularityTest).
 */
@NamedInterface("analysis-account")
package io.innercircle.analysis.account;

import org.springframework.modulith.NamedInterface;
