// Import upsert of listing decisions by id, writing only rows whose content hash changed: the decision,
// its ON_LIST (the list exists: the import writes it earlier in the same transaction) and its NAMES,
// replaced as a whole. Returns created/updated/unchanged counts.
// Params: $rows [{id, listId, entityIds, hash, props}]. Index: decision_id, list_id, entity_id.
UNWIND $rows AS row
OPTIONAL MATCH (old:ListingDecision {id: row.id})
WITH row, old IS NULL AS created, old IS NOT NULL AND old.importHash = row.hash AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (d:ListingDecision {id: row.id})
  SET d += row.props, d.importHash = row.hash
  WITH d, row
  CALL (d) {
    MATCH (d)-[r:ON_LIST|NAMES]->()
    DELETE r
  }
  WITH d, row
  MATCH (l:List {id: row.listId})
  MERGE (d)-[:ON_LIST]->(l)
  WITH d, row
  CALL (d, row) {
    UNWIND row.entityIds AS eid
    MATCH (e:Entity {id: eid})
    MERGE (d)-[:NAMES]->(e)
  }
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
