// Test-only: a small graph with one of each integrity problem, all ids prefixed by $p.
// Used by tests/integration/integrity.test.ts.
CREATE (a:Entity:Company {id: $p + 'a', name: $p + 'A', sourceIds: [$p + 'missing-source']})
CREATE (b:Entity:Company {id: $p + 'b', name: $p + 'B', sourceIds: []})
CREATE (c:Entity:Company {id: $p + 'c', name: $p + 'C', sourceIds: []})
CREATE (a)-[:OWNS {id: $p + 'ab', percent: 70.0, sourceIds: []}]->(b)
CREATE (c)-[:OWNS {id: $p + 'cb', percent: 60.0, sourceIds: []}]->(b)
CREATE (b)-[:OWNS {id: $p + 'ba', percent: 10.0, sourceIds: []}]->(a)
CREATE (a)-[:OWNS {id: $p + 'ac', percentMin: 40.0, percentMax: 20.0, start: date('2020-01-01'), end: date('2019-01-01'), sourceIds: []}]->(c)
CREATE (:ListingDecision {id: $p + 'orphan', action: 'added', date: date('2020-01-01'), citation: 'x', summary: 'x', sourceIds: []})
