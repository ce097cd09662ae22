// One page of every OWNS edge, keyset by edge id (start with $after = ''). Dates are neo4j Dates.
// Params: $after, $limit. Index: owns_id (ordered relationship range seek).
MATCH (o:Entity)-[r:OWNS]->(t:Entity)
WHERE r.id > $after
RETURN r {.*, owner: o.id, owned: t.id} AS edge
ORDER BY r.id
LIMIT toInteger($limit)
