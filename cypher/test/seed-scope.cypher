// Test-only: a dump of the seeded part of the graph — every node whose id is in $ids (the seed's lists,
// sources, entities and decisions), with its labels and properties, and its outgoing relationships to
// other seeded nodes. Derived EXPOSURE relationships are left out (a recompute rewrites them with a new
// computedAt), so are Meta and ImportRun nodes (bookkeeping). Other test files write only under their
// own id prefixes, so this dump is stable while they run. tests/support/graph-state.ts hashes it.
// Params: $ids. Index: entity_id, list_id, decision_id, source_id (via the id lookups).
MATCH (n) WHERE n.id IN $ids
OPTIONAL MATCH (n)-[r]->(m) WHERE m.id IN $ids AND type(r) <> 'EXPOSURE'
WITH n, collect(CASE WHEN r IS NULL THEN null ELSE [type(r), m.id, properties(r)] END) AS out
RETURN n.id AS id, labels(n) AS labels, properties(n) AS props, out
ORDER BY id
