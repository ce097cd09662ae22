// Removes the materialised determinations of some entities on one list (incremental refresh).
// Params: $list, $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:EXPOSURE]->(:List {id: $list})
DELETE r
