// Listing decisions that name no entity or sit on no list (an import that lost its references).
// Params: $limit.
MATCH (d:ListingDecision)
WITH d, EXISTS { (d)-[:NAMES]->(:Entity) } AS names, EXISTS { (d)-[:ON_LIST]->(:List) } AS onList
WHERE NOT names OR NOT onList
RETURN d.id AS id, names, onList ORDER BY d.id LIMIT toInteger($limit)
