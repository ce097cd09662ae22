// Create or update entities by id; the kind label is replaced so a corrected kind leaves no stale label.
// Params: $rows [{id, kind, props}] — kind is one of the whitelisted ENTITY_KINDS (validated before).
// Index: entity_id.
UNWIND $rows AS row
MERGE (e:Entity {id: row.id})
SET e += row.props
REMOVE e:Company:Person:StateBody:InvestmentVehicle
SET e:$(row.kind)
