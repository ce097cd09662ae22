// What $ids control (one CONTROLS step down, any date). Params: $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[:CONTROLS]->(m:Entity)
RETURN DISTINCT m.id AS id
