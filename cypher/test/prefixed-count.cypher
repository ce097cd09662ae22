// Test-only: what is left under the id prefixes $prefixes (after a test's clean-up: all 0) — nodes,
// relationships with such an id, and listing decisions naming such an entity.
CALL () { MATCH (n) WHERE any(p IN $prefixes WHERE n.id STARTS WITH p) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() WHERE any(p IN $prefixes WHERE r.id STARTS WITH p) RETURN count(r) AS relationships }
CALL () {
  MATCH (d:ListingDecision)-[:NAMES]->(e:Entity) WHERE any(p IN $prefixes WHERE e.id STARTS WITH p)
  RETURN count(DISTINCT d) AS decisions
}
RETURN nodes, relationships, decisions
