// Test-only: how many nodes carry each label and how many relationships have each type. No params.
CALL { MATCH (n) UNWIND labels(n) AS name RETURN 'label' AS kind, name, count(*) AS n
       UNION ALL
       MATCH ()-[r]->() RETURN 'type' AS kind, type(r) AS name, count(*) AS n }
RETURN kind, name, n ORDER BY kind, name
