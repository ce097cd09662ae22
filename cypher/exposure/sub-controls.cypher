// CONTROLS edges into the entities $ids from controllers in $keep (any controller when $keep is null);
// see sub-owns.cypher. Params: $ids, $keep. Index: entity_id.
UNWIND $ids AS id
MATCH (c:Entity)-[r:CONTROLS]->(t:Entity {id: id})
WHERE $keep IS NULL OR c.id IN $keep
RETURN r {.*, controller: c.id, controlled: t.id} AS edge
