// Test-only: for each id in $ids, whether a listing decision with that id exists, its list(s), the
// entities it names, its citation and date — to check that a write is either all there or not at all.
UNWIND $ids AS id
OPTIONAL MATCH (d:ListingDecision {id: id})
OPTIONAL MATCH (d)-[:ON_LIST]->(l:List)
OPTIONAL MATCH (d)-[:NAMES]->(e:Entity)
RETURN id, count(DISTINCT d) AS nodes, collect(DISTINCT l.id) AS lists, collect(DISTINCT e.id) AS names,
       head(collect(d.citation)) AS citation, toString(head(collect(d.date))) AS date
ORDER BY id
