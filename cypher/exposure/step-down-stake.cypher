// One breadth-first step downward through OWNS edges (any date) whose stake may meet $threshold: what an
// affiliate rule's upward capture can travel along (services/exposure-affiliate-bounds.ts). An edge is left
// out only when its figures are well-formed and its upper bound is below $threshold (the engine treats a
// malformed stake as unknown, so it is kept). Params: $frontier (entity ids), $threshold. Index: entity_id.
UNWIND $frontier AS fid
MATCH (:Entity {id: fid})-[r:OWNS]->(m:Entity)
WHERE NOT coalesce(
  (r.percent IS NOT NULL AND r.percent >= 0 AND r.percent < $threshold)
  OR (r.percent IS NULL AND r.percentMax >= 0 AND r.percentMax < $threshold
      AND (r.percentMin IS NULL OR (r.percentMin >= 0 AND r.percentMin < r.percentMax))),
  false)
RETURN DISTINCT m.id AS id
