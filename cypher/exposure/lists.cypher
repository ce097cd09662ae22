// Every list with its rule (a JSON string written by GraphWriter.lists; parsed by domain/exposure/regime.ts).
// No params. Index: none needed (a handful of nodes).
MATCH (l:List)
RETURN l.id AS id, l.name AS name, l.authority AS authority, l.jurisdiction AS jurisdiction, l.rule AS rule
ORDER BY l.id
