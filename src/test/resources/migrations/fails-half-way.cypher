-- liquibase formatted cypher

-- A new database whose second change set fails (SchemaMigrationsTest): the first stays recorded.

-- changeset test:first
CREATE INDEX half_way_first IF NOT EXISTS FOR (n:HalfWay) ON (n.first);

-- changeset test:second
THIS IS NOT CYPHER;

-- changeset test:third
CREATE INDEX half_way_third IF NOT EXISTS FOR (n:HalfWay) ON (n.third);
