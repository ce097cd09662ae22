// After an offline import (synthetic/bulk.ts): gives every entity imported without aliases the empty list
// the online path stores (the importer reads an empty CSV field as "no property" and cannot write []).
// Auto-commit, in batches, so a million entities never sit in one transaction's state. No params.
MATCH (e:Entity) WHERE e.aliases IS NULL
CALL (e) { SET e.aliases = [] } IN TRANSACTIONS OF 50000 ROWS
