// Test-only: what an import left under the id prefix $p — entities per kind (and distinct ids), OWNS and
// CONTROLS edges (and how many distinct ids they have: equal unless an edge was duplicated), edges
// with an end outside the import or without a name (a placeholder), decisions, and decisions that lost
// their list or name nobody.
MATCH (e:Entity) WHERE e.id STARTS WITH $p
WITH count(e) AS entities, count(DISTINCT e.id) AS entityIds, sum(CASE WHEN e:Person THEN 1 ELSE 0 END) AS persons,
     sum(CASE WHEN e:StateBody THEN 1 ELSE 0 END) AS stateBodies, sum(CASE WHEN e:InvestmentVehicle THEN 1 ELSE 0 END) AS vehicles
OPTIONAL MATCH (a)-[o:OWNS]->(b) WHERE o.id STARTS WITH $p
WITH entities, entityIds, persons, stateBodies, vehicles, count(o) AS owns, count(DISTINCT o.id) AS ownsIds,
     sum(CASE WHEN o IS NOT NULL AND NOT (a.id STARTS WITH $p AND b.id STARTS WITH $p AND a.name IS NOT NULL AND b.name IS NOT NULL) THEN 1 ELSE 0 END) AS ownsLeaving
OPTIONAL MATCH (a)-[c:CONTROLS]->(b) WHERE c.id STARTS WITH $p
WITH entities, entityIds, persons, stateBodies, vehicles, owns, ownsIds, ownsLeaving, count(c) AS controls, count(DISTINCT c.id) AS controlsIds,
     sum(CASE WHEN c IS NOT NULL AND NOT (a.id STARTS WITH $p AND b.id STARTS WITH $p AND a.name IS NOT NULL AND b.name IS NOT NULL) THEN 1 ELSE 0 END) AS controlsLeaving
OPTIONAL MATCH (d:ListingDecision) WHERE d.id STARTS WITH $p
WITH entities, entityIds, persons, stateBodies, vehicles, owns, ownsIds, ownsLeaving, controls, controlsIds, controlsLeaving,
     count(d) AS decisions, count(DISTINCT d.id) AS decisionIds,
     sum(CASE WHEN d IS NOT NULL AND NOT (d)-[:ON_LIST]->(:List) THEN 1 ELSE 0 END) AS decisionsWithoutList,
     sum(CASE WHEN d IS NOT NULL AND NOT (d)-[:NAMES]->(:Entity) THEN 1 ELSE 0 END) AS decisionsNamingNobody
RETURN entities, entityIds, persons, stateBodies, vehicles, owns, ownsIds, ownsLeaving, controls, controlsIds, controlsLeaving,
       decisions, decisionIds, decisionsWithoutList, decisionsNamingNobody
