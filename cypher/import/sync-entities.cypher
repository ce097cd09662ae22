// Import upsert of entities by id. The import sends only rows it found new or changed (import/current-
// state), and this query still skips a row whose content hash equals the stored importHash, so a
// repeated row never writes. The kind label is replaced (one of the whitelisted ENTITY_KINDS, checked
// before). Returns created/updated/unchanged counts. Params: $rows [{id, kind, hash, props}].
// Index: entity_id.
UNWIND $rows AS row
OPTIONAL MATCH (old:Entity {id: row.id})
WITH row, old IS NULL AS created, old IS NOT NULL AND old.importHash = row.hash AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (e:Entity {id: row.id})
  SET e += row.props, e.importHash = row.hash
  REMOVE e:Company:Person:StateBody:InvestmentVehicle
  SET e:$(row.kind)
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
