// Create or update sanctions lists; `rule` is the list's regime as a JSON string (domain/exposure/regime.ts).
// Params: $rows [{id, props}]. Index: list_id.
UNWIND $rows AS row
MERGE (l:List {id: row.id})
SET l += row.props
