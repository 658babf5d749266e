-- liquibase formatted cypher

-- The opportunity plan (issue 4): tactics, review comments get keys so that GraphQL can name them
-- ("<account>/<key>"); tactics written before had none.

-- changeset innercircle:004-tactic-keys
MATCH (t:Tactic) WHERE t.key IS NULL SET t.key = randomUUID();

-- changeset innercircle:004-tactic-key
CREATE CONSTRAINT tactic_key IF NOT EXISTS FOR (t:Tactic) REQUIRE (t.account, t.key) IS UNIQUE;

-- changeset innercircle:004-review-comment-key
CREATE CONSTRAINT review_comment_key IF NOT EXISTS FOR (r:ReviewComment) REQUIRE (r.account, r.key) IS UNIQUE;
