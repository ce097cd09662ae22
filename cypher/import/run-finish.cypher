// Marks an import run finished (completed or failed) with its summary. Only the run's owner does.
// Params: $id, $owner, $props {status, finishedAt, summary}. Index: import_run_id.
MATCH (r:ImportRun {id: $id})
WHERE r.owner = $owner
SET r += $props
RETURN count(r) AS n
