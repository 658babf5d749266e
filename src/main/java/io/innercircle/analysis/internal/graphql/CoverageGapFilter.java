package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.health.Severity;
import io.innercircle.analysis.health.WarningCode;

import java.util.List;

/** The schema's {@code CoverageGapFilter} input; every field may be left out. */
public record CoverageGapFilter(String teamMember, List<String> stages, Double minAmount, Severity minSeverity,
                                List<WarningCode> codes, Integer staleAfterDays) {

    static final CoverageGapFilter NONE = new CoverageGapFilter(null, null, null, null, null, null);
}
