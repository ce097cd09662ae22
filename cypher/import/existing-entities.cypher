// Which of the given ids are entities already in the graph (edge ends an import refers to without
// defining them). Params: $ids [string]. Index: entity_id.
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN collect(e.id) AS ids
