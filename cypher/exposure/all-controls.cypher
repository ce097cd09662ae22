// One page of every CONTROLS edge, keyset by edge id (start with $after = '').
// Params: $after, $limit. Index: controls_id (ordered relationship range seek).
MATCH (c:Entity)-[r:CONTROLS]->(t:Entity)
WHERE r.id > $after
RETURN r {.*, controller: c.id, controlled: t.id} AS edge
ORDER BY r.id
LIMIT toInteger($limit)
