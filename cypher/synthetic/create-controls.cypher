// Creates CONTROLS edges the synthetic loader knows are absent, between existing entities. Same rows and
// properties as import/upsert-controls.cypher (GraphWriter's controlParams).
// Params: $rows [{id, controller, controlled, props}]. Index: entity_id.
UNWIND $rows AS row
MATCH (c:Entity {id: row.controller})
MATCH (t:Entity {id: row.controlled})
CREATE (c)-[r:CONTROLS {id: row.id}]->(t)
SET r += row.props
