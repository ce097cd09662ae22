// Removes every materialised determination of one list (first step of replacing the list in one
// transaction). Params: $list. Index: list_id (then the list node's incoming EXPOSURE relationships).
MATCH (:List {id: $list})<-[r:EXPOSURE]-()
DELETE r
