// Entities whose owners' stakes valid on $asOf sum (lower bounds) above 100%: a data-quality warning.
// Params: $asOf (date), $limit.
MATCH (o:Entity)-[r:OWNS]->(e:Entity)
WHERE (r.start IS NULL OR r.start <= $asOf) AND (r.end IS NULL OR r.end > $asOf)
WITH e, sum(coalesce(r.percent, r.percentMin, 0.0)) AS total, collect(r.id) AS edges
WHERE total > 100.0
RETURN e.id AS id, total, edges ORDER BY total DESC, id LIMIT toInteger($limit)
