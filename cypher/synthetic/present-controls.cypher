// How many of the CONTROLS edge ids $ids exist (the synthetic loader skips a batch that is all there).
// Params: $ids. Index: controls_id (relationship uniqueness constraint).
UNWIND $ids AS id
MATCH ()-[r:CONTROLS {id: id}]->()
RETURN count(r) AS n
