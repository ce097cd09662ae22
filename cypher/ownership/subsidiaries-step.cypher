// One breadth-first step down the ownership graph: what the frontier entities own or control, by
// edges valid on $asOf ([start, end) windows), filtered by $minPercent as in owners-step.cypher.
// Params: $frontier (entity ids), $asOf (date), $minPercent (float|null), $limit. Index: entity_id.
UNWIND $frontier AS fid
MATCH (near:Entity {id: fid})-[r:OWNS|CONTROLS]->(far:Entity)
WHERE (r.start IS NULL OR r.start <= $asOf) AND (r.end IS NULL OR r.end > $asOf)
  AND ($minPercent IS NULL OR type(r) = 'CONTROLS' OR coalesce(r.percent, r.percentMax, 100.0) >= $minPercent)
RETURN r {.*, type: type(r), source: near.id, target: far.id} AS edge, far {.*} AS node, labels(far) AS labels
LIMIT toInteger($limit)
