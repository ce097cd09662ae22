// What the graph holds now for the ids of one import batch: each item's stored importHash (absent →
// new; different → changed), the current ends of existing edges and the entities existing decisions
// name (a change to them changes those entities' exposure inputs too). Run in a write transaction, on
// the leader, so it sees the batch committed just before.
// Params: $entities, $owns, $controls, $decisions, $lists, $sources (lists of ids).
// Index: entity_id, owns_id, controls_id, decision_id, list_id, source_id.
CALL () { UNWIND $entities AS id MATCH (n:Entity {id: id}) RETURN collect([id, n.importHash]) AS entities }
CALL () { UNWIND $owns AS id MATCH (a)-[r:OWNS {id: id}]->(b) RETURN collect([id, r.importHash, a.id, b.id]) AS owns }
CALL () { UNWIND $controls AS id MATCH (a)-[r:CONTROLS {id: id}]->(b) RETURN collect([id, r.importHash, a.id, b.id]) AS controls }
CALL () {
  UNWIND $decisions AS id
  MATCH (d:ListingDecision {id: id})
  RETURN collect([id, d.importHash, COLLECT { MATCH (d)-[:NAMES]->(e:Entity) RETURN e.id }]) AS decisions
}
CALL () { UNWIND $lists AS id MATCH (l:List {id: id}) RETURN collect([id, l.importHash]) AS lists }
CALL () { UNWIND $sources AS id MATCH (s:Source {id: id}) RETURN collect([id, s.importHash]) AS sources }
RETURN entities, owns, controls, decisions, lists, sources
