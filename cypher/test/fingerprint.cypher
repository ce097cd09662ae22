// A deterministic dump of the seeded part of the graph (tests compare it before and after a reload).
// No params. Used by tests/integration/seed.test.ts only.
MATCH (n) WHERE n:Entity OR n:List OR n:ListingDecision OR n:Source
OPTIONAL MATCH (n)-[r]->(m)
WITH n, r, m ORDER BY n.id, type(r), m.id, r.id
RETURN labels(n) AS labels, n.id AS id, properties(n) AS props, collect([type(r), m.id, properties(r)]) AS out
ORDER BY id
