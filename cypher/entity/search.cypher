// Full-text search over names, aliases and identifiers, keyset-paged by (score desc, id asc).
// Params: $q (Lucene query from domain/search-query.ts), $kind, $country (null = any),
//         $afterScore, $afterId (the cursor; null on the first page), $limit.
// Index: entity_names (full-text).
CALL db.index.fulltext.queryNodes('entity_names', $q) YIELD node, score
WHERE ($kind IS NULL OR $kind IN labels(node))
  AND ($country IS NULL OR node.country = $country)
  AND ($afterScore IS NULL OR score < $afterScore OR (score = $afterScore AND node.id > $afterId))
WITH node, score
ORDER BY score DESC, node.id ASC
LIMIT toInteger($limit)
OPTIONAL MATCH (node)<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
WITH node, score, collect(CASE WHEN d IS NULL THEN null ELSE {listId: l.id, action: d.action, date: d.date, effective: d.effective} END) AS decisions
RETURN node {.*} AS entity, labels(node) AS labels, score, decisions
ORDER BY score DESC, node.id ASC
