// Test-only: every node of the database with its labels and its properties' names, Cypher types and
// values, and its outgoing relationships likewise (synthetic-bulk.test.ts compares the online load with the
// offline import of the same graph). Derived EXPOSURE relationships and the Meta bookkeeping (times of
// the recompute) are left out. No params; for small test graphs only.
MATCH (n) WHERE NOT n:Meta
OPTIONAL MATCH (n)-[r]->(m) WHERE type(r) <> 'EXPOSURE'
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, [k IN keys(r) | [k, valueType(r[k]), r[k]]]] END) AS out
RETURN n.id AS id, labels(n) AS labels, [k IN keys(n) | [k, valueType(n[k]), n[k]]] AS props, out
ORDER BY id
