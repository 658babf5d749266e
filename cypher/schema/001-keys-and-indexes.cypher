-- liquibase formatted cypher

-- Every node has a stable string key; people, team members, competitors and opportunities are keyed within
-- their account, so the same key (say "svp") can exist in two accounts.

-- changeset innercircle:001-account-key
CREATE CONSTRAINT account_key IF NOT EXISTS FOR (a:Account) REQUIRE a.key IS UNIQUE;

-- changeset innercircle:001-stakeholder-key
CREATE CONSTRAINT stakeholder_key IF NOT EXISTS FOR (s:Stakeholder) REQUIRE (s.account, s.key) IS UNIQUE;

-- changeset innercircle:001-team-member-key
CREATE CONSTRAINT team_member_key IF NOT EXISTS FOR (t:TeamMember) REQUIRE (t.account, t.key) IS UNIQUE;

-- changeset innercircle:001-competitor-key
CREATE CONSTRAINT competitor_key IF NOT EXISTS FOR (c:Competitor) REQUIRE (c.account, c.key) IS UNIQUE;

-- changeset innercircle:001-opportunity-key
CREATE CONSTRAINT opportunity_key IF NOT EXISTS FOR (o:Opportunity) REQUIRE (o.account, o.key) IS UNIQUE;

-- changeset innercircle:001-stakeholder-account
CREATE INDEX stakeholder_account IF NOT EXISTS FOR (s:Stakeholder) ON (s.account);

-- changeset innercircle:001-team-member-account
CREATE INDEX team_member_account IF NOT EXISTS FOR (t:TeamMember) ON (t.account);

-- changeset innercircle:001-competitor-account
CREATE INDEX competitor_account IF NOT EXISTS FOR (c:Competitor) ON (c.account);

-- changeset innercircle:001-opportunity-account
CREATE INDEX opportunity_account IF NOT EXISTS FOR (o:Opportunity) ON (o.account);
