-- Free-text search (the q filter) and tag filters read a trigram GIN index instead of scanning
-- the JSON of every row. Each inventory table gets a searchText column (the values of its data
-- JSON and its tag keys, one per line, written by the collector: lib/resources/search-text.ts),
-- filled here for rows stored before, with a pg_trgm GIN index that ILIKE and LIKE with a
-- leading wildcard use. pg_trgm is a trusted contrib extension (PostgreSQL 13+), so the
-- database owner may create it.
CREATE EXTENSION IF NOT EXISTS "pg_trgm";

-- Ec2Instance
ALTER TABLE "Ec2Instance" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "Ec2Instance" SET "searchText" = concat_ws(E'\n', (SELECT string_agg(v #>> '{}', E'\n') FROM jsonb_path_query("Ec2Instance"."data"::jsonb, 'strict $.**') AS v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')), (SELECT string_agg(e.key || E'\n' || coalesce(e.value #>> '{}', ''), E'\n') FROM jsonb_each(CASE WHEN jsonb_typeof("Ec2Instance"."data"::jsonb -> 'tags') = 'object' THEN "Ec2Instance"."data"::jsonb -> 'tags' ELSE '{}'::jsonb END) AS e));
CREATE INDEX "Ec2Instance_searchText_trgm_idx" ON "Ec2Instance" USING gin ("searchText" gin_trgm_ops);

-- DedicatedHost
ALTER TABLE "DedicatedHost" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "DedicatedHost" SET "searchText" = concat_ws(E'\n', (SELECT string_agg(v #>> '{}', E'\n') FROM jsonb_path_query("DedicatedHost"."data"::jsonb, 'strict $.**') AS v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')), (SELECT string_agg(e.key || E'\n' || coalesce(e.value #>> '{}', ''), E'\n') FROM jsonb_each(CASE WHEN jsonb_typeof("DedicatedHost"."data"::jsonb -> 'tags') = 'object' THEN "DedicatedHost"."data"::jsonb -> 'tags' ELSE '{}'::jsonb END) AS e));
CREATE INDEX "DedicatedHost_searchText_trgm_idx" ON "DedicatedHost" USING gin ("searchText" gin_trgm_ops);

-- ReservedInstance
ALTER TABLE "ReservedInstance" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "ReservedInstance" SET "searchText" = concat_ws(E'\n', (SELECT string_agg(v #>> '{}', E'\n') FROM jsonb_path_query("ReservedInstance"."data"::jsonb, 'strict $.**') AS v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')), (SELECT string_agg(e.key || E'\n' || coalesce(e.value #>> '{}', ''), E'\n') FROM jsonb_each(CASE WHEN jsonb_typeof("ReservedInstance"."data"::jsonb -> 'tags') = 'object' THEN "ReservedInstance"."data"::jsonb -> 'tags' ELSE '{}'::jsonb END) AS e));
CREATE INDEX "ReservedInstance_searchText_trgm_idx" ON "ReservedInstance" USING gin ("searchText" gin_trgm_ops);

-- DbInstance
ALTER TABLE "DbInstance" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "DbInstance" SET "searchText" = concat_ws(E'\n', (SELECT string_agg(v #>> '{}', E'\n') FROM jsonb_path_query("DbInstance"."data"::jsonb, 'strict $.**') AS v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')), (SELECT string_agg(e.key || E'\n' || coalesce(e.value #>> '{}', ''), E'\n') FROM jsonb_each(CASE WHEN jsonb_typeof("DbInstance"."data"::jsonb -> 'tags') = 'object' THEN "DbInstance"."data"::jsonb -> 'tags' ELSE '{}'::jsonb END) AS e));
CREATE INDEX "DbInstance_searchText_trgm_idx" ON "DbInstance" USING gin ("searchText" gin_trgm_ops);

-- ManagedNode
ALTER TABLE "ManagedNode" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "ManagedNode" SET "searchText" = concat_ws(E'\n', (SELECT string_agg(v #>> '{}', E'\n') FROM jsonb_path_query("ManagedNode"."data"::jsonb, 'strict $.**') AS v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')), (SELECT string_agg(e.key || E'\n' || coalesce(e.value #>> '{}', ''), E'\n') FROM jsonb_each(CASE WHEN jsonb_typeof("ManagedNode"."data"::jsonb -> 'tags') = 'object' THEN "ManagedNode"."data"::jsonb -> 'tags' ELSE '{}'::jsonb END) AS e));
CREATE INDEX "ManagedNode_searchText_trgm_idx" ON "ManagedNode" USING gin ("searchText" gin_trgm_ops);

-- InstalledSoftware
ALTER TABLE "InstalledSoftware" ADD COLUMN "searchText" TEXT NOT NULL DEFAULT '';
UPDATE "InstalledSoftware" SET "searchText" = concat_ws(E'\n', (SELECT string_agg(v #>> '{}', E'\n') FROM jsonb_path_query("InstalledSoftware"."data"::jsonb, 'strict $.**') AS v WHERE jsonb_typeof(v) IN ('string', 'number', 'boolean')), (SELECT string_agg(e.key || E'\n' || coalesce(e.value #>> '{}', ''), E'\n') FROM jsonb_each(CASE WHEN jsonb_typeof("InstalledSoftware"."data"::jsonb -> 'tags') = 'object' THEN "InstalledSoftware"."data"::jsonb -> 'tags' ELSE '{}'::jsonb END) AS e));
CREATE INDEX "InstalledSoftware_searchText_trgm_idx" ON "InstalledSoftware" USING gin ("searchText" gin_trgm_ops);
