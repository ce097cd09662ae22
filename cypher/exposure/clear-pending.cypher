// Deletes the pending-refresh markers $ids (mark-pending.cypher) once their refresh or a recompute covers
// them. Params: $ids. Index: meta_id.
UNWIND $ids AS id
MATCH (m:Meta {id: 'pending:' + id})
DELETE m
