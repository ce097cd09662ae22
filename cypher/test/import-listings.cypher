// Test-only: the listing decisions whose ids start with $p, with their list and the names they name.
MATCH (d:ListingDecision)-[:ON_LIST]->(l:List) WHERE d.id STARTS WITH $p
OPTIONAL MATCH (d)-[:NAMES]->(e:Entity)
WITH d, l, e ORDER BY e.name
RETURN d.id AS decision, l.id AS list, d.action AS action, toString(d.date) AS date, collect(e.name) AS names
ORDER BY decision
