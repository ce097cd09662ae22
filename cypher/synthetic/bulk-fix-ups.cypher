// After an offline import (synthetic/bulk.ts): what the importer cannot write, put right. It reads an
// empty CSV field as "no property", so entities imported without aliases get the empty list the online
// path stores; and it takes no line breaks, so searchText's newlines were written as U+001E
// (synthetic/csv.ts) and are restored here. Auto-commit, in batches, so a million entities never sit in
// one transaction's state. No params.
MATCH (e:Entity) WHERE e.aliases IS NULL OR e.searchText CONTAINS '\u001E'
CALL (e) {
  SET e.aliases = coalesce(e.aliases, []), e.searchText = replace(e.searchText, '\u001E', '\n')
} IN TRANSACTIONS OF 50000 ROWS
