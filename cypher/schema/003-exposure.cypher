// Exposure storage (server/src/db/repos/exposure-store.ts): materialised determinations are
// (:Entity)-[:EXPOSURE {list, entityId, status, ...}]->(:List) relationships, clear = none.
// (list, entityId) serves keyset paging over every non-clear entity of a list, (list, status, entityId)
// paging filtered by status; both give the rows in entityId order without a sort.
CREATE INDEX exposure_list_entity IF NOT EXISTS FOR ()-[r:EXPOSURE]-() ON (r.list, r.entityId);
CREATE INDEX exposure_list_status_entity IF NOT EXISTS FOR ()-[r:EXPOSURE]-() ON (r.list, r.status, r.entityId);
// (:Meta {id}) holds bookkeeping: 'graph' (a version bumped by every write path, for caches) and
// 'exposure:<listId>' (when and on which data a list was materialised). Unique so MERGE never doubles it.
CREATE CONSTRAINT meta_id IF NOT EXISTS FOR (n:Meta) REQUIRE n.id IS UNIQUE;
