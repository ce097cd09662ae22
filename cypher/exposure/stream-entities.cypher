// Every entity for the exposure engine in ONE streamed query (Database.stream): no ORDER BY and no keyset
// pages (each page re-sought the id index and sorted; the caller sorts if it needs an order), columns
// rather than a map (cheaper to decode). No params.
MATCH (e:Entity)
RETURN e.id, e.name, labels(e)
