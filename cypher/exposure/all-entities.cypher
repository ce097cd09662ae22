// One page of every entity for the exposure engine, keyset by id (start with $after = '').
// Params: $after (last id of the previous page), $limit. Index: entity_id (ordered range seek, no sort).
MATCH (e:Entity)
WHERE e.id > $after
RETURN e.id AS id, e.name AS name, labels(e) AS labels
ORDER BY e.id
LIMIT toInteger($limit)
