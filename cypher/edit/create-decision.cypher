// Creates a listing decision on its list naming existing entities (check-decision.cypher ran first).
// Params: $id, $listId, $entityIds, $props {action, date, effective, citation, summary, sourceIds}.
// Index: list_id, entity_id.
MATCH (l:List {id: $listId})
CREATE (d:ListingDecision {id: $id})
SET d += $props
CREATE (d)-[:ON_LIST]->(l)
WITH d
UNWIND $entityIds AS eid
MATCH (e:Entity {id: eid})
MERGE (d)-[:NAMES]->(e)
RETURN count(*) AS named
