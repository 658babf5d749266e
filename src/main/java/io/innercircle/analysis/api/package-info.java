/**
 * The analysis's GraphQL and Cypher adapter. The assessment and the plan read its AnalysisCache directly, until
 * an analysis service interface replaces it.
 * Exposed to other modules as the named interface {@code analysis-api} (see ModularityTest).
 */
@NamedInterface("analysis-api")
package io.innercircle.analysis.api;

import org.springframework.modulith.NamedInterface;
