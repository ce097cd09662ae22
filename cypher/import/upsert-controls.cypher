// Create or update CONTROLS edges by id between existing entities. Params: $rows [{id, controller,
// controlled, props}]. Index: entity_id, controls_id.
UNWIND $rows AS row
MATCH (c:Entity {id: row.controller})
MATCH (t:Entity {id: row.controlled})
MERGE (c)-[r:CONTROLS {id: row.id}]->(t)
SET r += row.props
