-- liquibase formatted cypher

-- Issue 11 (imports): replacing a map by a different one made the history's mirror write quadratic. Creating a
-- node under a uniqueness constraint looks the value up in the index, and inside a transaction that has deleted
-- nodes every index lookup first copies the set of all nodes the transaction deleted. A replace deletes the old
-- map and tens of thousands of mirror facts, then creates as many: 37 s and more than a 2 GB heap for a
-- 5,000-person map. The mirror is only ever written by the history recorder while it holds its account's lock,
-- and it creates only facts the mirror does not hold, so the uniqueness is the recorder's own; a plain index on the
-- same properties keeps the lookups.

-- changeset innercircle:022-history-fact-key
CREATE INDEX history_fact_key IF NOT EXISTS FOR (f:HistoryFact) ON (f.account, f.fact);

-- changeset innercircle:022-history-fact-not-unique
DROP CONSTRAINT history_fact IF EXISTS;
