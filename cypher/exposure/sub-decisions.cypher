// The listing decisions naming any of $ids, each with the ids it names restricted to $keep.
// Params: $ids (a chunk), $keep (every id of the subgraph). Index: entity_id.
UNWIND $ids AS id
MATCH (:Entity {id: id})<-[:NAMES]-(d:ListingDecision)
WITH DISTINCT d
MATCH (d)-[:ON_LIST]->(l:List)
RETURN d {.*, listId: l.id, entityIds: [(d)-[:NAMES]->(e:Entity) WHERE e.id IN $keep | e.id]} AS decision
