// The ids of every sanctions list, so an import knows which lists its decisions can point at.
// No params. Index: list_id (a scan of a few dozen nodes).
MATCH (l:List)
RETURN collect(l.id) AS ids
