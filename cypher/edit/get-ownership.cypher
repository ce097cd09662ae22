// One OWNS edge by id with its ends. Params: $id. Index: owns_id.
MATCH (o:Entity)-[r:OWNS {id: $id}]->(t:Entity)
RETURN r {.*, owner: o.id, owned: t.id} AS edge
