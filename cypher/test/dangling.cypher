// Structural problems the loaders must never leave: decisions on no list, edges without an id.
// No params. Used by tests.
OPTIONAL MATCH (d:ListingDecision) WHERE NOT (d)-[:ON_LIST]->(:List)
WITH count(d) AS decisionsWithoutList
OPTIONAL MATCH ()-[r:OWNS|CONTROLS]->() WHERE r.id IS NULL
RETURN decisionsWithoutList, count(r) AS edgesWithoutId
