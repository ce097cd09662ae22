// Import upsert of sanctions lists by id (a built-in regime missing from the database, or a list for an
// authority the import had to create), writing only rows whose content hash changed. `rule` is the
// regime as a JSON string (domain/exposure/regime.ts). Params: $rows [{id, hash, props}]. Index: list_id.
UNWIND $rows AS row
OPTIONAL MATCH (old:List {id: row.id})
WITH row, old IS NULL AS created, old IS NOT NULL AND old.importHash = row.hash AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (l:List {id: row.id})
  SET l += row.props, l.importHash = row.hash
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
