// The entities $ids with the OWNS and CONTROLS edges into them, from owners in $keep (or from any owner
// when $keep is null: a region's boundary), in ONE pass: each id is looked up once and its incoming edges
// are collected with pattern comprehensions, instead of three UNWIND queries seeking every id again
// (the former sub-entities, sub-owns and sub-controls). Params: $ids (a chunk), $keep (ids or null).
// Index: entity_id.
UNWIND $ids AS id
MATCH (t:Entity {id: id})
RETURN t.id AS id, t.name AS name, labels(t) AS labels,
       [(o:Entity)-[r:OWNS]->(t) WHERE $keep IS NULL OR o.id IN $keep | r {.*, owner: o.id, owned: t.id}] AS owns,
       [(c:Entity)-[r:CONTROLS]->(t) WHERE $keep IS NULL OR c.id IN $keep | r {.*, controller: c.id, controlled: t.id}] AS controls
