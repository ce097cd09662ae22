// Create or update OWNS edges by id between existing entities (callers check both ends exist first,
// so no edge ever points at a missing node). Params: $rows [{id, owner, owned, props}].
// Index: entity_id, owns_id.
UNWIND $rows AS row
MATCH (o:Entity {id: row.owner})
MATCH (t:Entity {id: row.owned})
MERGE (o)-[r:OWNS {id: row.id}]->(t)
SET r += row.props
