// Test-only: OWNS and CONTROLS edges whose ids start with $p, with the names at both ends.
MATCH (a:Entity)-[r:OWNS|CONTROLS]->(b:Entity) WHERE r.id STARTS WITH $p
RETURN r.id AS id, type(r) AS type, a.name AS from, b.name AS to, r.percent AS percent, r.percentMin AS percentMin,
       r.percentMax AS percentMax, r.minInclusive AS minInclusive, r.maxInclusive AS maxInclusive, r.basis AS basis,
       toString(r.start) AS start, toString(r.end) AS end
ORDER BY type, from, to, start
