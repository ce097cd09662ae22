// Test-only: what an import left under the id prefix $p — entities per kind, OWNS and CONTROLS edges
// (and how many distinct ids they have: equal unless an edge was duplicated), decisions, and
// decisions that lost their list or name nobody.
MATCH (e:Entity) WHERE e.id STARTS WITH $p
WITH count(e) AS entities, sum(CASE WHEN e:Person THEN 1 ELSE 0 END) AS persons,
     sum(CASE WHEN e:StateBody THEN 1 ELSE 0 END) AS stateBodies, sum(CASE WHEN e:InvestmentVehicle THEN 1 ELSE 0 END) AS vehicles
OPTIONAL MATCH ()-[o:OWNS]->() WHERE o.id STARTS WITH $p
WITH entities, persons, stateBodies, vehicles, count(o) AS owns, count(DISTINCT o.id) AS ownsIds
OPTIONAL MATCH ()-[c:CONTROLS]->() WHERE c.id STARTS WITH $p
WITH entities, persons, stateBodies, vehicles, owns, ownsIds, count(c) AS controls, count(DISTINCT c.id) AS controlsIds
OPTIONAL MATCH (d:ListingDecision) WHERE d.id STARTS WITH $p
WITH entities, persons, stateBodies, vehicles, owns, ownsIds, controls, controlsIds, count(d) AS decisions,
     sum(CASE WHEN d IS NOT NULL AND NOT (d)-[:ON_LIST]->(:List) THEN 1 ELSE 0 END) AS decisionsWithoutList,
     sum(CASE WHEN d IS NOT NULL AND NOT (d)-[:NAMES]->(:Entity) THEN 1 ELSE 0 END) AS decisionsNamingNobody
RETURN entities, persons, stateBodies, vehicles, owns, ownsIds, controls, controlsIds, decisions, decisionsWithoutList, decisionsNamingNobody
