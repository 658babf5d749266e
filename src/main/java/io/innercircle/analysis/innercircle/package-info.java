/**
 * Each person's computed influence, read by the assessment and the plan.
 * Exposed to other modules as the named interface {@code analysis-innercircle} (see ModularityTest).
 */
@NamedInterface("analysis-innercircle")
package io.innercircle.analysis.innercircle;

import org.springframework.modulith.NamedInterface;
