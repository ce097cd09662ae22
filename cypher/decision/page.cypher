// Listing decisions, oldest first (by date, then id), one keyset page, optionally on one list. Names up to
// 100 of the entities each decision names (namedCount says how many in all), so a page stays bounded.
// Dates compare as ISO strings (toString), which order as the days they name whether stored as Date or text.
// Params: $listId (or null), $afterDate and $afterId (null on the first page), $limit.
MATCH (d:ListingDecision)-[:ON_LIST]->(l:List)
WITH d, l, toString(d.date) AS day
WHERE ($listId IS NULL OR l.id = $listId)
  AND ($afterId IS NULL OR day > $afterDate OR (day = $afterDate AND d.id > $afterId))
WITH d, l, day
ORDER BY day, d.id
LIMIT toInteger($limit)
OPTIONAL MATCH (d)-[:NAMES]->(e:Entity)
WITH d, l, day, e
ORDER BY e.id
WITH d, l, day, collect(e.id) AS named
RETURN d {.*} AS decision, day AS date, toString(d.effective) AS effective, l.id AS listId, l.name AS listName,
       named[0..100] AS entityIds, size(named) AS namedCount
ORDER BY date, d.id
