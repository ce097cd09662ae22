// The stored (non-clear) rows of some entities on one list (stored-rows.cypher for a region smaller than
// the list's non-clear set). Params: $list, $ids. Index: entity_id.
UNWIND $ids AS id
MATCH (:Entity {id: id})-[r:EXPOSURE]->(:List {id: $list})
RETURN r.entityId AS entityId, r.status AS status, r.min AS min, r.max AS max,
       r.minExclusive AS minExclusive, r.maxExclusive AS maxExclusive, r.flags AS flags
