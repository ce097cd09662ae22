// The roots and every entity downstream of them (what they own or control, any date, transitively) in
// ONE query (pruning breadth-first var-length expand; see closure-up.cypher). Params: $roots. Index: entity_id.
UNWIND $roots AS rid
MATCH (:Entity {id: rid})-[:OWNS|CONTROLS*0..]->(m:Entity)
RETURN DISTINCT m.id AS id
