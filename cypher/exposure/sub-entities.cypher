// The entities of a subgraph the engine evaluates. Params: $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id, e.name AS name, labels(e) AS labels
