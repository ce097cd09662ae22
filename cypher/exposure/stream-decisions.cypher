// Every listing decision with its list and the ids of the entities it names, in ONE streamed query (see
// stream-entities.cypher). No params.
MATCH (d:ListingDecision)-[:ON_LIST]->(l:List)
RETURN d.id, l.id, d.action, toString(d.date), toString(d.effective), d.citation, d.summary,
       [(d)-[:NAMES]->(e:Entity) | e.id]
