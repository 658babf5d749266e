/**
 * Map health warnings and their parameters, read by the plan's checks.
 * Exposed to other modules as the named interface {@code analysis-health} (see ModularityTest).
 */
@NamedInterface("analysis-health")
package io.innercircle.analysis.health;

import org.springframework.modulith.NamedInterface;
