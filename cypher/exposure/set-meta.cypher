// Records that a list's materialisation is complete: the date it holds for, when it was computed, the
// rule it was computed with (a hash: a changed rule makes it stale) and the status counts.
// Params: $list, $asOf (date), $computedAt (ISO date-time), $ruleHash, $counts (JSON string). Index: meta_id.
MERGE (m:Meta {id: 'exposure:' + $list})
SET m.list = $list, m.asOf = $asOf, m.computedAt = datetime($computedAt), m.ruleHash = $ruleHash, m.counts = $counts
