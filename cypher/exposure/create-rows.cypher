// Writes materialised determinations (non-clear only) of one list. Rows whose entity no longer exists
// are skipped. Params: $list, $asOf (date), $computedAt (ISO date-time string),
// $rows [{entityId, status, min, max, minExclusive, maxExclusive, flags (JSON string)}].
// Index: list_id, entity_id.
MATCH (l:List {id: $list})
UNWIND $rows AS row
MATCH (e:Entity {id: row.entityId})
CREATE (e)-[:EXPOSURE {
  list: $list, entityId: row.entityId, status: row.status,
  min: row.min, max: row.max, minExclusive: row.minExclusive, maxExclusive: row.maxExclusive,
  flags: row.flags, asOf: $asOf, computedAt: datetime($computedAt)
}]->(l)
