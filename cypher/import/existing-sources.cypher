// Which of the given ids are Source nodes (source ids a CSV row cites). Params: $ids [string].
// Index: source_id.
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN collect(s.id) AS ids
