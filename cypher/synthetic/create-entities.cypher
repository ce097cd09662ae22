// Creates entities the synthetic loader knows are absent (a fresh run, or a batch none of whose ids
// exist): CREATE skips MERGE's lookup and the Eager that MERGE + SET need. Same rows and properties as
// import/upsert-entities.cypher (GraphWriter's entityParams). Params: $rows [{id, kind, props}].
UNWIND $rows AS row
CREATE (e:Entity:$(row.kind) {id: row.id})
SET e += row.props
