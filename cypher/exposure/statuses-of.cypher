// Current (materialised) non-clear statuses of some entities on every list: [{id, list, status}].
// Params: $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:EXPOSURE]->(:List)
RETURN id, r.list AS list, r.status AS status
