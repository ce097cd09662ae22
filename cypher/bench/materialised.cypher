// Every materialised non-clear determination of a list, id and status only (the benchmark samples from
// them to check the materialisation against the reference). Params: $list. Index: exposure_list_entity.
MATCH (:Entity)-[r:EXPOSURE]->(:List)
WHERE r.list = $list
RETURN r.entityId AS id, r.status AS status
