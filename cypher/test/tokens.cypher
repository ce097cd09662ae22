// Test-only: every label, relationship type and property key the database has ever seen (Neo4j keeps a
// token once created, even after the last node using it is gone), so an injected name that reached the
// store at any moment shows up here. No params.
CALL db.labels() YIELD label
WITH collect(label) AS labels
CALL db.relationshipTypes() YIELD relationshipType
WITH labels, collect(relationshipType) AS relationshipTypes
CALL db.propertyKeys() YIELD propertyKey
RETURN labels, relationshipTypes, collect(propertyKey) AS propertyKeys
