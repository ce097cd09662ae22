// Records, in the same transaction as a write to the graph, that the materialised exposure has not yet
// been refreshed for it. The refresh deletes the marker in the transaction that rewrites the determinations,
// so a marker that outlives its write means the refresh never ran (the process or the database stopped in
// between): the materialisation is stale until a recompute, which deletes the markers it has seen.
// Params: $id. Index: meta_id.
CREATE (:Meta {id: 'pending:' + $id, createdAt: datetime()})
