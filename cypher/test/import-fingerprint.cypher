// Test-only: a deterministic dump of every node whose id starts with $p and of its outgoing
// relationships (import tests compare it before and after a second import of the same file). Derived
// EXPOSURE relationships are left out: a recompute by another test file rewrites them (new computedAt).
MATCH (n) WHERE n.id STARTS WITH $p AND NOT n:ImportRun
OPTIONAL MATCH (n)-[r]->(m) WHERE type(r) <> 'EXPOSURE'
WITH n, r, m ORDER BY n.id, type(r), m.id, r.id
RETURN labels(n) AS labels, n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out
ORDER BY id
