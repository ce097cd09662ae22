// Every OWNS edge in ONE streamed query (see stream-entities.cypher), as columns; dates as ISO strings so
// the driver decodes no Date structs. The engine never reads sourceIds, so they are not sent. No params.
MATCH (o:Entity)-[r:OWNS]->(t:Entity)
RETURN r.id, o.id, t.id, r.percent, r.percentMin, r.percentMax, r.minInclusive, r.maxInclusive,
       toString(r.start), toString(r.end)
