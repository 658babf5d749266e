-- liquibase formatted cypher

-- Issue 11 (a big map's analysis stored in seconds): the refresh updates each warning in place by its account,
-- opportunity and position. With only the account indexed, each of a 5,000-person map's 1,200 warnings was found by
-- scanning all of the account's warnings.

-- changeset innercircle:020-health-warning-key
CREATE INDEX health_warning_key IF NOT EXISTS FOR (w:HealthWarning) ON (w.account, w.opportunity, w.position);
