// Pending-refresh markers (mark-pending.cypher) older than $olderThanSeconds: writes whose exposure refresh
// has not run (yet, or ever). Params: $olderThanSeconds. Index: meta_id (prefix).
MATCH (m:Meta)
WHERE m.id STARTS WITH 'pending:' AND m.createdAt <= datetime() - duration({seconds: $olderThanSeconds})
RETURN substring(m.id, 8) AS id
ORDER BY id
