// Test-only clean-up: removes every node whose id starts with $p, with its relationships.
MATCH (n) WHERE n.id STARTS WITH $p DETACH DELETE n
