// Listing decisions, oldest first (by date, then id), one keyset page, optionally on one list. Names up to
// 100 of the entities each decision names (namedCount says how many in all), so a page stays bounded.
// Params: $listId (or null), $afterDate and $afterId (null on the first page), $limit.
MATCH (d:ListingDecision)-[:ON_LIST]->(l:List)
WHERE ($listId IS NULL OR l.id = $listId)
  AND ($afterId IS NULL OR d.date > $afterDate OR (d.date = $afterDate AND d.id > $afterId))
WITH d, l
ORDER BY d.date, d.id
LIMIT toInteger($limit)
OPTIONAL MATCH (d)-[:NAMES]->(e:Entity)
WITH d, l, e
ORDER BY e.id
WITH d, l, collect(e.id) AS named
RETURN d {.*} AS decision, l.id AS listId, l.name AS listName, named[0..100] AS entityIds, size(named) AS namedCount
ORDER BY d.date, d.id
