// Listing decisions naming any of $entityIds, oldest first (by date, then id), one keyset page, optionally
// on one list: what a view of those entities needs for its timeline and badges, in one query instead of one
// entity detail per entity. entityIds are the given entities each decision names; namedCount counts all.
// Dates compare as ISO strings (toString), which order as the days they name whether stored as Date or text.
// Params: $entityIds (list), $listId (or null), $afterDate and $afterId (null on the first page), $limit.
// Index: entity_id (constraint), so the match starts from the given entities.
UNWIND $entityIds AS id
MATCH (:Entity {id: id})<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
WITH d, l, id, toString(d.date) AS day
WHERE ($listId IS NULL OR l.id = $listId)
  AND ($afterId IS NULL OR day > $afterDate OR (day = $afterDate AND d.id > $afterId))
WITH d, l, day, id
ORDER BY id
WITH d, l, day, collect(id) AS given
ORDER BY day, d.id
LIMIT toInteger($limit)
RETURN d {.*} AS decision, day AS date, toString(d.effective) AS effective, l.id AS listId, l.name AS listName,
       given AS entityIds, COUNT { (d)-[:NAMES]->(:Entity) } AS namedCount
