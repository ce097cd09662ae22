// How many of the decision ids $ids exist (the synthetic loader skips a batch that is all there).
// Params: $ids. Index: decision_id.
UNWIND $ids AS id
MATCH (d:ListingDecision {id: id})
RETURN count(d) AS n
