// The stored (non-clear) rows of one list, for an incremental refresh to rewrite only the rows that changed
// and to know which entities were non-clear before the change. Params: $list. Index: list_id (then the
// list node's incoming EXPOSURE relationships).
MATCH (:List {id: $list})<-[r:EXPOSURE]-()
RETURN r.entityId AS entityId, r.status AS status, r.min AS min, r.max AS max,
       r.minExclusive AS minExclusive, r.maxExclusive AS maxExclusive, r.flags AS flags
