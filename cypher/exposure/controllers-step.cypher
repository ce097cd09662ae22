// The controllers of $ids (one CONTROLS step up, any date). Params: $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:CONTROLS]-(m:Entity)
RETURN DISTINCT m.id AS id
