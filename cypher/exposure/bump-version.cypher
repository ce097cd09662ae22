// Bumps the graph version (caches of the loaded graph compare it). Run in the same transaction as the
// write it stands for. No params. Index: meta_id.
MERGE (m:Meta {id: 'graph'})
SET m.version = coalesce(m.version, 0) + 1
RETURN m.version AS version
