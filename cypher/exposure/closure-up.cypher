// The roots and every entity upstream of them (owners and controllers, any date, transitively) in ONE
// query: DISTINCT end nodes let the planner run a pruning breadth-first var-length expand (see the PROFILE
// in bench/results), instead of one round trip per level of the chain. Params: $roots. Index: entity_id.
UNWIND $roots AS rid
MATCH (:Entity {id: rid})<-[:OWNS|CONTROLS*0..]-(m:Entity)
RETURN DISTINCT m.id AS id
