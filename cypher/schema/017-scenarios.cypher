-- liquibase formatted cypher

-- What-if scenarios (issue 16): one Scenario node per scenario, found by (account, key), with its changes as
-- ScenarioChange nodes. Not map content: the history leaves Scenario out, and ScenarioChange has no account.

-- changeset innercircle:017-scenario-key
CREATE CONSTRAINT scenario_key IF NOT EXISTS FOR (s:Scenario) REQUIRE (s.account, s.key) IS UNIQUE;

-- changeset innercircle:017-scenario-opportunity
CREATE INDEX scenario_opportunity IF NOT EXISTS FOR (s:Scenario) ON (s.account, s.opportunity);
