// One breadth-first step of a closure, downward: what $frontier owns or controls (any date).
// Params: $frontier (entity ids). Index: entity_id.
UNWIND $frontier AS fid
MATCH (:Entity {id: fid})-[:OWNS|CONTROLS]->(m:Entity)
RETURN DISTINCT m.id AS id
