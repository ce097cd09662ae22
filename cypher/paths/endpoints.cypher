// Which of the given entity ids exist, so a path request can answer 404 naming the missing end
// rather than an empty result. Params: $ids (list of entity ids). Index: entity_id (constraint).
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e.id AS id
