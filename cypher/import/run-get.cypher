// One import run's checkpoint: status, owner, last batch written and the counts so far.
// Params: $id. Index: import_run_id.
MATCH (r:ImportRun {id: $id})
RETURN properties(r) AS run
