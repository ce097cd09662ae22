// page.cypher restricted to one status. Params: $list, $status, $after, $limit.
// Index: exposure_list_status_entity (ordered seek on (list, status, entityId)).
MATCH (e:Entity)-[r:EXPOSURE]->(:List)
WHERE r.list = $list AND r.status = $status AND r.entityId > $after
RETURN r.entityId AS entityId, e.name AS name, labels(e) AS labels, r.status AS status,
       r.min AS min, r.max AS max, r.minExclusive AS minExclusive, r.maxExclusive AS maxExclusive
ORDER BY r.entityId
LIMIT toInteger($limit)
