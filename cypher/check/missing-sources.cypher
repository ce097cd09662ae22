// Entities, edges and decisions citing a source id that no (:Source) node has. No params.
// Index: source_id (constraint) for the existence test.
CALL () {
  MATCH (e:Entity) UNWIND coalesce(e.sourceIds, []) AS sid
  WITH e, sid WHERE NOT EXISTS { MATCH (:Source {id: sid}) }
  RETURN 'Entity' AS kind, e.id AS id, sid
  UNION ALL
  MATCH ()-[r:OWNS|CONTROLS]->() UNWIND coalesce(r.sourceIds, []) AS sid
  WITH r, sid WHERE NOT EXISTS { MATCH (:Source {id: sid}) }
  RETURN type(r) AS kind, r.id AS id, sid
  UNION ALL
  MATCH (d:ListingDecision) UNWIND coalesce(d.sourceIds, []) AS sid
  WITH d, sid WHERE NOT EXISTS { MATCH (:Source {id: sid}) }
  RETURN 'ListingDecision' AS kind, d.id AS id, sid
}
RETURN kind, id, sid ORDER BY kind, id, sid LIMIT toInteger($limit)
