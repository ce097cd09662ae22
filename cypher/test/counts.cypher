// Counts of the main node and relationship kinds. No params. Used by tests.
MATCH (e:Entity) WITH count(e) AS entities
MATCH ()-[o:OWNS]->() WITH entities, count(o) AS owns
MATCH (d:ListingDecision) RETURN entities, owns, count(d) AS decisions
