// How many entities the graph holds: start-up seeds an empty database. No params.
MATCH (n:Entity) RETURN count(n) AS entities
