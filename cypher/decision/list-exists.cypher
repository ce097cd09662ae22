// Whether a list exists, so a filter on an unknown list is a 404 rather than an empty page.
// Params: $listId. Index: list id (constraint).
OPTIONAL MATCH (l:List {id: $listId})
RETURN l IS NOT NULL AS found
