-- liquibase formatted cypher

-- The analysis kept next to the map (issue 11): one state per account (the version the stored analysis reflects;
-- unique so that two app instances merging it at once get one node and serialise on its lock), the per-person
-- results found by account and key, and the health warnings a coach's portfolio reads in one indexed query,
-- worst and largest first.

-- changeset innercircle:010-analysis-state-account
CREATE CONSTRAINT analysis_state_account IF NOT EXISTS FOR (s:AnalysisState) REQUIRE s.account IS UNIQUE;

-- changeset innercircle:010-stakeholder-analysis-key
CREATE CONSTRAINT stakeholder_analysis_key IF NOT EXISTS FOR (p:StakeholderAnalysis) REQUIRE (p.account, p.key) IS UNIQUE;

-- changeset innercircle:010-stakeholder-analysis-influence
CREATE INDEX stakeholder_analysis_influence IF NOT EXISTS FOR (p:StakeholderAnalysis) ON (p.account, p.computedInfluence);

-- changeset innercircle:010-health-warning-account
CREATE INDEX health_warning_account IF NOT EXISTS FOR (w:HealthWarning) ON (w.account);

-- changeset innercircle:010-health-warning-order
CREATE INDEX health_warning_order IF NOT EXISTS FOR (w:HealthWarning) ON (w.severityRank, w.amount);
