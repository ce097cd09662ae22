// Which of $ids name no entity. Params: $ids. Index: entity_id.
RETURN [eid IN $ids WHERE NOT EXISTS { MATCH (:Entity {id: eid}) }] AS missing
