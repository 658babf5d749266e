-- liquibase formatted cypher

-- Saved box positions of an opportunity's map (issue 14): one MapLayout node per opportunity, found by its id.

-- changeset innercircle:014-map-layout-opportunity
CREATE CONSTRAINT map_layout_opportunity IF NOT EXISTS FOR (l:MapLayout) REQUIRE l.opportunity IS UNIQUE;
