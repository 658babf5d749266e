/**
 * The analysis's GraphQL adapter: one controller per feature. Other modules ask for analyses through
 * {@link io.innercircle.analysis.AnalysisService}.
 * Exposed to other modules as the named interface {@code analysis-api} (see ModularityTest).
 */
@NamedInterface("analysis-api")
package io.innercircle.analysis.api;

import org.springframework.modulith.NamedInterface;
