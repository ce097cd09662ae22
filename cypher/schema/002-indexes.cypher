// Full-text search over names, aliases and identifier values (entity/search.cypher).
// The 'cjk' analyzer lower-cases Latin words and indexes Chinese as overlapping bigrams, so both
// "hikvision" and "海康威视" match; searchText holds aliases and identifiers joined by newlines.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.searchText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
// Alphabetical browsing when no query is given (entity/list.cypher).
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
