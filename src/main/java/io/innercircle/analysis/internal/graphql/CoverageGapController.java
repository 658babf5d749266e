package io.innercircle.analysis.internal.graphql;

import io.innercircle.analysis.internal.store.StoredWarnings;
import io.innercircle.map.Page;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

import java.util.List;

/** The coach's portfolio view of map-health warnings across accounts. */
@Controller
class CoverageGapController {

    private final CoverageGaps coverageGaps;
    private final AnalysisLookups lookups;

    CoverageGapController(CoverageGaps coverageGaps, AnalysisLookups lookups) {
        this.coverageGaps = coverageGaps;
        this.lookups = lookups;
    }

    @QueryMapping
    Page<CoverageGaps.Gap> coverageGaps(@Argument CoverageGapFilter filter, @Argument Integer first,
                                        @Argument String after) {
        return coverageGaps.page(filter == null ? CoverageGapFilter.NONE : filter, first, after, lookups.today());
    }

    enum CoverageGapGrouping { ACCOUNT, TEAM_MEMBER }

    @QueryMapping
    List<StoredWarnings.Rollup> coverageGapRollups(@Argument CoverageGapGrouping groupBy,
                                                   @Argument CoverageGapFilter filter) {
        return coverageGaps.rollups(filter == null ? CoverageGapFilter.NONE : filter,
                groupBy == CoverageGapGrouping.TEAM_MEMBER, lookups.today());
    }
}
