-- liquibase formatted cypher

-- The audit trail (issue 6). Change sets are found by account and ordered by version; the mirror of each
-- account's current facts is found by account and fact id. Team members are looked up by key alone when
-- deciding which accounts a user works on.

-- changeset innercircle:006-change-set-account-version
CREATE CONSTRAINT change_set_account_version IF NOT EXISTS FOR (c:ChangeSet) REQUIRE (c.account, c.version) IS UNIQUE;

-- changeset innercircle:006-history-fact
CREATE CONSTRAINT history_fact IF NOT EXISTS FOR (f:HistoryFact) REQUIRE (f.account, f.fact) IS UNIQUE;

-- changeset innercircle:006-history-fact-account
CREATE INDEX history_fact_account IF NOT EXISTS FOR (f:HistoryFact) ON (f.account);

-- changeset innercircle:006-team-member-key-alone
CREATE INDEX team_member_key_alone IF NOT EXISTS FOR (t:TeamMember) ON (t.key);

-- changeset innercircle:006-history-fact-from
CREATE INDEX history_fact_from IF NOT EXISTS FOR (f:HistoryFact) ON (f.account, f.from);

-- changeset innercircle:006-history-fact-to
CREATE INDEX history_fact_to IF NOT EXISTS FOR (f:HistoryFact) ON (f.account, f.to);
