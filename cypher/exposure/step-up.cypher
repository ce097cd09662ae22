// One breadth-first step of a closure, upward: the owners and controllers (any date) of $frontier.
// Params: $frontier (entity ids). Index: entity_id.
UNWIND $frontier AS fid
MATCH (:Entity {id: fid})<-[:OWNS|CONTROLS]-(m:Entity)
RETURN DISTINCT m.id AS id
