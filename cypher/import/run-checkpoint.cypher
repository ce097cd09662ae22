// Moves an import run's checkpoint to the batch just written, in the same transaction as the batch, so
// a run killed at any moment resumes after the last batch that is really in the graph. Only the run's
// owner moves it. Params: $id, $owner, $batch, $counts (JSON). Index: import_run_id.
MATCH (r:ImportRun {id: $id})
WHERE r.owner = $owner
SET r.lastBatch = $batch, r.counts = $counts, r.heartbeat = toString(datetime())
RETURN count(r) AS n
