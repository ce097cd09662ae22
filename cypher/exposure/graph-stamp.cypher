// What the in-memory graph cache is keyed by: the version every write path bumps, plus counts read from
// Neo4j's count store (constant time) so a loader that does not bump the version still invalidates the
// cache when it adds or removes anything. No params.
OPTIONAL MATCH (m:Meta {id: 'graph'})
WITH coalesce(m.version, 0) AS version
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH ()-[r:OWNS]->() RETURN count(r) AS owns }
CALL () { MATCH ()-[r:CONTROLS]->() RETURN count(r) AS controls }
CALL () { MATCH (d:ListingDecision) RETURN count(d) AS decisions }
CALL () { MATCH ()-[n:NAMES]->() RETURN count(n) AS names }
RETURN version, entities, owns, controls, decisions, names
