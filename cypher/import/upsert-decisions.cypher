// Create or update listing decisions with their list and the entities they name. The NAMES set is
// replaced, so a corrected decision leaves no stale names. Callers check that the list and every
// named entity exist first. Params: $rows [{id, listId, entityIds, props}].
// Index: decision_id, list_id, entity_id.
UNWIND $rows AS row
MERGE (d:ListingDecision {id: row.id})
SET d += row.props
WITH d, row
OPTIONAL MATCH (d)-[stale:ON_LIST]->(other:List) WHERE other.id <> row.listId
DELETE stale
WITH DISTINCT d, row
MATCH (l:List {id: row.listId})
MERGE (d)-[:ON_LIST]->(l)
WITH d, row
OPTIONAL MATCH (d)-[stale:NAMES]->(x:Entity) WHERE NOT x.id IN row.entityIds
DELETE stale
WITH DISTINCT d, row
UNWIND row.entityIds AS eid
MATCH (e:Entity {id: eid})
MERGE (d)-[:NAMES]->(e)
