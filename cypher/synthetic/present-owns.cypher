// How many of the OWNS edge ids $ids exist (the synthetic loader skips a batch that is all there).
// Params: $ids. Index: owns_id (relationship uniqueness constraint).
UNWIND $ids AS id
MATCH ()-[r:OWNS {id: id}]->()
RETURN count(r) AS n
