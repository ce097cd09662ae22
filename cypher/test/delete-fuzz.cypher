// Test-only clean-up after the fuzz and injection tests: listing decisions that name an entity whose id
// starts with one of $prefixes (a decision created without an id gets `decision-<uuid>`), every node
// whose id starts with one of them (imports prefix ids with `<format>-<dataset>-`), and the import runs
// of the datasets in $datasets, each with its relationships.
CALL () {
  MATCH (d:ListingDecision)-[:NAMES]->(e:Entity) WHERE any(p IN $prefixes WHERE e.id STARTS WITH p)
  WITH DISTINCT d
  DETACH DELETE d
}
CALL () {
  MATCH (n) WHERE any(p IN $prefixes WHERE n.id STARTS WITH p)
  DETACH DELETE n
}
CALL () {
  MATCH (r:ImportRun) WHERE r.dataset IN $datasets
  DETACH DELETE r
}
