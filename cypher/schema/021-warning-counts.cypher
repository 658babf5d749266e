-- liquibase formatted cypher

-- Issue 11 (coverageGaps growth from 10 to 100 accounts): a coach's total of warnings was a count of every stored
-- warning, which grew with the portfolio (24 ms at 10 accounts, 150 ms at 100). The store now keeps how many
-- warnings of each severity each opportunity has; the counts of analyses stored before are taken from their warnings.

-- changeset innercircle:021-warning-count-key
CREATE INDEX warning_count_key IF NOT EXISTS FOR (c:WarningCount) ON (c.account, c.opportunity);

-- changeset innercircle:021-warning-counts-of-stored-warnings
MATCH (w:HealthWarning)
WITH w.account AS account, w.opportunity AS opportunity,
     sum(CASE w.severityRank WHEN 0 THEN 1 ELSE 0 END) AS high,
     sum(CASE w.severityRank WHEN 1 THEN 1 ELSE 0 END) AS medium,
     sum(CASE w.severityRank WHEN 2 THEN 1 ELSE 0 END) AS low
MERGE (c:WarningCount {account: account, opportunity: opportunity})
SET c.high = high, c.medium = medium, c.low = low;
