-- liquibase formatted cypher

-- Influence lines suggested from activity (issue 16 §2): one suggestion per pair of people, found again by a
-- re-import by (account, key), listed per account by state.

-- changeset innercircle:016-activity-suggestion-key
CREATE CONSTRAINT activity_suggestion_key IF NOT EXISTS FOR (s:ActivitySuggestion) REQUIRE (s.account, s.key) IS UNIQUE;

-- changeset innercircle:016-activity-suggestion-state
CREATE INDEX activity_suggestion_state IF NOT EXISTS FOR (s:ActivitySuggestion) ON (s.account, s.state);
