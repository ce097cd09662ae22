// The materialisation record of every list (see set-meta.cypher). No params.
MATCH (m:Meta)
WHERE m.id STARTS WITH 'exposure:'
RETURN m.list AS list, m.asOf AS asOf, toString(m.computedAt) AS computedAt, m.ruleHash AS ruleHash, m.counts AS counts
ORDER BY list
