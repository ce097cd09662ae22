// One page of every listing decision on a list, with the ids of the entities it names, keyset by id.
// Params: $after (start with ''), $limit. Index: decision_id.
MATCH (d:ListingDecision)
WHERE d.id > $after
WITH d ORDER BY d.id LIMIT toInteger($limit)
MATCH (d)-[:ON_LIST]->(l:List)
RETURN d {.*, listId: l.id, entityIds: [(d)-[:NAMES]->(e:Entity) | e.id]} AS decision
ORDER BY d.id
