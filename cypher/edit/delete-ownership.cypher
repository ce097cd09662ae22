// Deletes the OWNS edge with id $id and returns its ends (nothing when there is none). Params: $id.
// Index: owns_id.
MATCH (o:Entity)-[r:OWNS {id: $id}]->(t:Entity)
WITH r, o.id AS owner, t.id AS owned
DELETE r
RETURN owner, owned
