// Test-only: for each id in $ids, the OWNS edges with that id (0 or 1), their ends and stake.
UNWIND $ids AS id
OPTIONAL MATCH (a:Entity)-[r:OWNS {id: id}]->(b:Entity)
RETURN id, count(r) AS edges, collect(a.id) AS owners, collect(b.id) AS owned, collect(r.percent) AS percents
ORDER BY id
