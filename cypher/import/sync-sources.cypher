// Import upsert of the Source node that stands for an imported dataset (every
// imported item points at it), writing only when its content changed.
// Params: $rows [{id, hash, props}]. Index: source_id.
UNWIND $rows AS row
OPTIONAL MATCH (old:Source {id: row.id})
WITH row, old IS NULL AS created, old IS NOT NULL AND old.importHash = row.hash AS same
CALL (row, same) {
  WITH row WHERE NOT same
  MERGE (s:Source {id: row.id})
  SET s += row.props, s.importHash = row.hash
}
RETURN sum(CASE WHEN created THEN 1 ELSE 0 END) AS created,
       sum(CASE WHEN NOT created AND NOT same THEN 1 ELSE 0 END) AS updated,
       sum(CASE WHEN same THEN 1 ELSE 0 END) AS unchanged
