// OWNS and CONTROLS edges among a set of entities, valid on $asOf ([start, end)): the induced subgraph
// for an export of chosen nodes. Params: $ids (entity ids), $asOf (date), $limit. Index: entity_id.
UNWIND $ids AS id
MATCH (a:Entity {id: id})-[r:OWNS|CONTROLS]->(b:Entity)
WHERE b.id IN $ids
  AND (r.start IS NULL OR r.start <= $asOf) AND (r.end IS NULL OR r.end > $asOf)
RETURN r {.*, type: type(r), source: a.id, target: b.id} AS edge
LIMIT toInteger($limit)
