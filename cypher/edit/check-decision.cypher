// Before creating a listing decision: does its id exist already, does its list exist, which of the
// named entities are missing. Params: $id, $listId, $entityIds. Index: decision_id, list_id, entity_id.
OPTIONAL MATCH (d:ListingDecision {id: $id})
OPTIONAL MATCH (l:List {id: $listId})
RETURN d IS NOT NULL AS exists, l IS NOT NULL AS listExists,
       [eid IN $entityIds WHERE NOT EXISTS { MATCH (:Entity {id: eid}) }] AS missing
