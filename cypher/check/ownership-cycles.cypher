// Ownership cycles (A owns … owns A) of up to 8 hops, each reported once from its smallest id.
// Cycles are legal (cross-holdings) and the exposure engine terminates on them; they are listed
// because they are often data errors. Params: $limit.
MATCH p = (a:Entity)-[:OWNS]->{1,8}(a)
WITH a, [n IN nodes(p) | n.id] AS ids
WHERE all(x IN ids WHERE a.id <= x)
RETURN a.id AS id, ids AS cycle ORDER BY size(ids), id LIMIT toInteger($limit)
