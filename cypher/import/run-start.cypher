// Claims an import run (new, restarted or resumed): sets its owner, status and checkpoint.
// Params: $id, $props {status, owner, heartbeat, format, dataset, fileHash, files, batchSize, lastBatch, counts, startedAt}.
// Index: import_run_id.
MERGE (r:ImportRun {id: $id})
SET r += $props
RETURN r.id AS id
