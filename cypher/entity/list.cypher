// All entities in name order when no search text is given, keyset-paged by (name, id).
// Params: $kind, $country (null = any), $afterName, $afterId (cursor; null on the first page), $limit.
// Index: entity_name (range).
MATCH (node:Entity)
WHERE ($kind IS NULL OR $kind IN labels(node))
  AND ($country IS NULL OR node.country = $country)
  AND ($afterName IS NULL OR node.name > $afterName OR (node.name = $afterName AND node.id > $afterId))
WITH node
ORDER BY node.name ASC, node.id ASC
LIMIT toInteger($limit)
OPTIONAL MATCH (node)<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
WITH node, collect(CASE WHEN d IS NULL THEN null ELSE {listId: l.id, action: d.action, date: d.date, effective: d.effective} END) AS decisions
RETURN node {.*} AS entity, labels(node) AS labels, null AS score, decisions
ORDER BY node.name ASC, node.id ASC
