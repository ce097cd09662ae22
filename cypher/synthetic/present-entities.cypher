// How many of the entity ids $ids exist (the synthetic loader skips a batch that is all there).
// Params: $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN count(e) AS n
