// What an incremental refresh evaluates, for a chunk of entities: each one with the OWNS and CONTROLS edges
// into it and the listing decisions naming it, as positional lists of only the fields the engine reads (no
// sourceIds or summaries): decoding maps of every property was most of the region read (2.5x, measured on a
// 17,535-entity region; README, Benchmarks). The caller filters owners and assembles decisions.
// Params: $ids (a chunk). Index: entity_id.
UNWIND $ids AS id
MATCH (t:Entity {id: id})
RETURN t.id AS id, t.name AS name,
  [(o:Entity)-[r:OWNS]->(t) | [r.id, o.id, r.percent, r.percentMin, r.percentMax, r.minInclusive, r.maxInclusive, r.start, r.end]] AS owns,
  [(c:Entity)-[r:CONTROLS]->(t) | [r.id, c.id, r.basis, r.start, r.end]] AS controls,
  [(t)<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List) | [d.id, l.id, d.action, d.date, d.effective, d.citation]] AS decisions
