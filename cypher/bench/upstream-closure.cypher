// The benchmark's baseline (bench/lib/reference.ts): one entity's upstream closure by a variable-length OWNS
// pattern (DISTINCT end nodes let the planner prune it to a breadth-first expand), each member's OWNS edges
// valid on $asOf with their owners, and the decisions on $lists naming it.
// Params: $id, $asOf (date), $lists (list ids). Index: entity_id.
MATCH (x:Entity {id: $id})
OPTIONAL MATCH (x)<-[:OWNS*1..]-(o:Entity)
WITH x, collect(DISTINCT o) AS owners
UNWIND owners + [x] AS n
CALL (n) {
  OPTIONAL MATCH (a:Entity)-[r:OWNS]->(n)
  WHERE (r.start IS NULL OR r.start <= $asOf) AND (r.end IS NULL OR r.end > $asOf)
  RETURN collect(r {.percent, .percentMin, .percentMax, .minInclusive, .maxInclusive, owner: a.id}) AS stakes
}
CALL (n) {
  OPTIONAL MATCH (n)<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
  WHERE l.id IN $lists
  RETURN collect(d {.id, .action, .date, .effective, list: l.id}) AS decisions
}
RETURN n.id AS id, stakes, decisions
