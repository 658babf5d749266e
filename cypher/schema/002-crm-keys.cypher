-- liquibase formatted cypher

-- CRM imports keep the CRM's id on people and opportunities (crmKey) and find them by it on every re-import;
-- within an account one CRM id names one node. Nodes without a crmKey (drawn by hand) are not constrained.

-- changeset innercircle:002-stakeholder-crm-key
CREATE CONSTRAINT stakeholder_crm_key IF NOT EXISTS FOR (s:Stakeholder) REQUIRE (s.account, s.crmKey) IS UNIQUE;

-- changeset innercircle:002-opportunity-crm-key
CREATE CONSTRAINT opportunity_crm_key IF NOT EXISTS FOR (o:Opportunity) REQUIRE (o.account, o.crmKey) IS UNIQUE;
