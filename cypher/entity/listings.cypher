// The listing decisions naming each of a set of entities, for status badges on graph nodes.
// Params: $ids (list of entity ids). Index: entity_id (constraint).
UNWIND $ids AS id
MATCH (e:Entity {id: id})<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
RETURN id, collect({listId: l.id, action: d.action, date: d.date, effective: d.effective}) AS decisions
