-- liquibase formatted cypher

-- Personal API tokens (issue 11): looked up by the hash of the secret on every request that sends one, listed by
-- their user.

-- changeset innercircle:007-api-token-hash
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.hash IS UNIQUE;

-- changeset innercircle:007-api-token-id
CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE;

-- changeset innercircle:007-api-token-user
CREATE INDEX api_token_user IF NOT EXISTS FOR (t:ApiToken) ON (t.username);
