// Sources by id, for the provenance written into exports (FtM sourceUrl, BODS source).
// Params: $ids (source ids). Index: source_id (constraint).
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.*} AS source
