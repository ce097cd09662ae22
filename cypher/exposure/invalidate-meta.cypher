// Marks every list's materialisation stale (a refresh failed after a write): reads then compute from the
// graph and the next maintenance run recomputes. The EXPOSURE relationships stay until then. No params.
MATCH (m:Meta)
WHERE m.id STARTS WITH 'exposure:'
DELETE m
