// Create or update sources by id. Params: $rows [{id, props}]. Index: source_id.
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s += row.props
