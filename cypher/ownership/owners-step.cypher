// One breadth-first step up the ownership graph: the owners and controllers of the frontier entities,
// by edges valid on $asOf ([start, end) windows). Edges pass $minPercent when their upper bound can
// reach it, so an unknown stake is never hidden by a filter. CONTROLS edges always pass.
// Params: $frontier (entity ids), $asOf (date), $minPercent (float|null), $limit. Index: entity_id.
UNWIND $frontier AS fid
MATCH (near:Entity {id: fid})<-[r:OWNS|CONTROLS]-(far:Entity)
WHERE (r.start IS NULL OR r.start <= $asOf) AND (r.end IS NULL OR r.end > $asOf)
  AND ($minPercent IS NULL OR type(r) = 'CONTROLS' OR coalesce(r.percent, r.percentMax, 100.0) >= $minPercent)
RETURN r {.*, type: type(r), source: far.id, target: near.id} AS edge, far {.*} AS node, labels(far) AS labels
LIMIT toInteger($limit)
