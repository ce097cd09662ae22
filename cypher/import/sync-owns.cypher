// Import upsert of OWNS edges by id, writing only rows whose content hash changed; a changed edge is
// replaced (its ends may have moved). Both ends exist: the import checks them before writing, and
// writes the entities earlier in the same transaction. Returns created/updated/unchanged counts.
// Params: $rows [{id, owner, owned, hash, props}]. Index: owns_id, entity_id.
UNWIND $rows AS row
OPTIONAL MATCH ()-[old:OWNS {id: row.id}]->()
WITH row, old, old IS NULL AS created, old IS NOT NULL AND old.importHash = row.hash AS same
CALL (row, old, same) {
  WITH row, old WHERE NOT same
  MATCH (o:Entity {id: row.owner})
  MATCH (t:Entity {id: row.owned})
  CALL (old) {
    WITH old WHERE old IS NOT NULL
    DELETE old
  }
  CREATE (o)-[r:OWNS]->(t)
  SET r = row.props, r.id = row.id, r.importHash = row.hash
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
