// How many OWNS edges leave the entity $id (the benchmark names its well-connected entity with it).
// Params: $id. Index: entity_id.
MATCH (:Entity {id: $id})-[r:OWNS]->()
RETURN count(r) AS n
