// OWNS edges into the entities $ids from owners in $keep, or from any owner when $keep is null (a
// region's boundary owners, whose status is read from the materialised relationships).
// Params: $ids (a chunk of owned ids), $keep (list of ids or null). Index: entity_id.
UNWIND $ids AS id
MATCH (o:Entity)-[r:OWNS]->(t:Entity {id: id})
WHERE $keep IS NULL OR o.id IN $keep
RETURN r {.*, owner: o.id, owned: t.id} AS edge
