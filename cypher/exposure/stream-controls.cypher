// Every CONTROLS edge in ONE streamed query (see stream-entities.cypher), as columns. No params.
MATCH (c:Entity)-[r:CONTROLS]->(t:Entity)
RETURN r.id, c.id, t.id, r.basis, toString(r.start), toString(r.end)
