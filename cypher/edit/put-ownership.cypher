// Creates or replaces (all properties, and the ends if they changed) the OWNS edge with id $id.
// Params: $id, $owner, $owned, $props {percent, percentMin, percentMax, minInclusive, maxInclusive, start,
// end, sourceIds}. Index: owns_id, entity_id.
OPTIONAL MATCH ()-[old:OWNS {id: $id}]->()
DELETE old
WITH count(*) AS replaced
MATCH (o:Entity {id: $owner})
MATCH (t:Entity {id: $owned})
CREATE (o)-[r:OWNS {id: $id}]->(t)
SET r += $props
RETURN r {.*, owner: o.id, owned: t.id} AS edge
