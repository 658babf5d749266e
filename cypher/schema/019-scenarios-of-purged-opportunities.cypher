-- liquibase formatted cypher

-- Until now a purged opportunity kept its what-if scenarios (they showed up again on a new opportunity given the
-- same key), and a purged account left their changes behind with nothing pointing at them. A purge now deletes
-- them (map/OpportunityPurged), and this deletes what earlier purges left: scenarios whose opportunity is gone, with
-- their changes, and changes that no scenario holds.

-- changeset innercircle:019-scenarios-of-purged-opportunities
MATCH (s:Scenario)
WHERE NOT EXISTS { MATCH (o:Opportunity {account: s.account, key: s.opportunity}) }
OPTIONAL MATCH (s)-[:HAS_CHANGE]->(c:ScenarioChange)
DETACH DELETE c, s;

-- changeset innercircle:019-orphaned-scenario-changes
MATCH (c:ScenarioChange) WHERE NOT EXISTS { MATCH (:Scenario)-[:HAS_CHANGE]->(c) } DETACH DELETE c;
