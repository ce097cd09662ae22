// One entity with the listing decisions that name it and the sources behind it and them.
// Params: $id. Index: entity_id (constraint). Returns no row when the id is unknown.
MATCH (e:Entity {id: $id})
OPTIONAL MATCH (e)<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
WITH e, collect(CASE WHEN d IS NULL THEN null ELSE d {.*, listId: l.id, listName: l.name} END) AS decisions
WITH e, decisions, coalesce(e.sourceIds, []) + reduce(acc = [], d IN decisions | acc + coalesce(d.sourceIds, [])) AS sourceIds
OPTIONAL MATCH (s:Source) WHERE s.id IN sourceIds
RETURN e {.*} AS entity, labels(e) AS labels, decisions, collect(s {.*}) AS sources
