// OWNS/CONTROLS edges whose end is not after their start, and ranges whose minimum exceeds the maximum.
// Params: $limit.
MATCH ()-[r:OWNS|CONTROLS]->()
WHERE (r.start IS NOT NULL AND r.end IS NOT NULL AND r.end <= r.start)
   OR (r.percentMin IS NOT NULL AND r.percentMax IS NOT NULL AND r.percentMin > r.percentMax)
   OR (r.percent IS NOT NULL AND (r.percent < 0 OR r.percent > 100))
RETURN type(r) AS kind, r.id AS id, toString(r.start) AS start, toString(r.end) AS end,
       r.percent AS percent, r.percentMin AS percentMin, r.percentMax AS percentMax
ORDER BY id LIMIT toInteger($limit)
