// Creates OWNS edges the synthetic loader knows are absent, between existing entities. Same rows and
// properties as import/upsert-owns.cypher (GraphWriter's ownershipParams).
// Params: $rows [{id, owner, owned, props}]. Index: entity_id.
UNWIND $rows AS row
MATCH (o:Entity {id: row.owner})
MATCH (t:Entity {id: row.owned})
CREATE (o)-[r:OWNS {id: row.id}]->(t)
SET r += row.props
