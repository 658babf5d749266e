-- liquibase formatted cypher

-- Issue 11 (coverageGaps at 100 accounts): each health warning carries its place in the coach's order as one string,
-- rank, and a page is read from this index in that order, stopping after the page. Warnings stored before have no
-- rank: they are derived data, so they are deleted and the stored analyses marked as not yet written (version
-- removed); the first coverageGaps read analyses every account again and writes them with their rank, as it does
-- every day.

-- changeset innercircle:018-health-warning-rank
CREATE INDEX health_warning_rank IF NOT EXISTS FOR (w:HealthWarning) ON (w.rank);

-- changeset innercircle:018-health-warnings-rewritten
MATCH (w:HealthWarning) WHERE w.rank IS NULL DETACH DELETE w;

-- changeset innercircle:018-analysis-state-rewrite
MATCH (s:AnalysisState) WHERE s.version IS NOT NULL REMOVE s.version;
