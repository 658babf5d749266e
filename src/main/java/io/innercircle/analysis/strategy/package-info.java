/**
 * Relationship strategies per person (approach, actions), read by the plan's relationship plans.
 * Exposed to other modules as the named interface {@code analysis-strategy} (see ModularityTest).
 */
@NamedInterface("analysis-strategy")
package io.innercircle.analysis.strategy;

import org.springframework.modulith.NamedInterface;
