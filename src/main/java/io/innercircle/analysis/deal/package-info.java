/**
 * The deal context (allies, the deal's people), read by the assessment.
 * Exposed to other modules as the named interface {@code analysis-deal} (see ModularityTest).
 */
@NamedInterface("analysis-deal")
package io.innercircle.analysis.deal;

import org.springframework.modulith.NamedInterface;
