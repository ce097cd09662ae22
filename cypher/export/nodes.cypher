// Entities by id for an export, each with the listing decisions that name it and took effect on or
// before $asOf (with their list's name and authority), so exports can state listing status and write
// FtM Sanctions. Params: $ids (entity ids), $asOf (date). Index: entity_id (constraint).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
OPTIONAL MATCH (e)<-[:NAMES]-(d:ListingDecision)-[:ON_LIST]->(l:List)
  WHERE coalesce(d.effective, d.date) <= $asOf
WITH e, collect(CASE WHEN d IS NULL THEN null ELSE d {
  .id, .action, .date, .effective, .citation, .summary, .sourceIds,
  listId: l.id, listName: l.name, authority: l.authority, jurisdiction: l.jurisdiction
} END) AS decisions
RETURN e {.*} AS entity, labels(e) AS labels, decisions
