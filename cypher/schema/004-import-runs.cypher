// Import checkpoints (services/import/pipeline.ts): one ImportRun node per dataset + file content, found
// by id on every resume and moved on every batch.
CREATE CONSTRAINT import_run_id IF NOT EXISTS FOR (n:ImportRun) REQUIRE n.id IS UNIQUE;
