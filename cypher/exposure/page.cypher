// One page of a list's materialised non-clear entities, keyset by entity id.
// Params: $list, $after (last entity id, '' for the first page), $limit.
// Index: exposure_list_entity (ordered seek on (list, entityId): no sort, stops after $limit rows).
MATCH (e:Entity)-[r:EXPOSURE]->(:List)
WHERE r.list = $list AND r.entityId > $after
RETURN r.entityId AS entityId, e.name AS name, labels(e) AS labels, r.status AS status,
       r.min AS min, r.max AS max, r.minExclusive AS minExclusive, r.maxExclusive AS maxExclusive
ORDER BY r.entityId
LIMIT toInteger($limit)
