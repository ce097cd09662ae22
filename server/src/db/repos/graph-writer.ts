// Batched upserts (UNWIND) of sources, entities, edges, lists and decisions. Dates become neo4j Dates
// here; identifiers become 'scheme:value' strings; searchText feeds the full-text index.
import type { Database } from '../database.js';
import { dateParam } from '../convert.js';
import { identifierToString } from '../rows.js';
import type { ControlEdge, Entity, ListingDecision, OwnershipEdge, Source } from '../../domain/model.js';
import type { Regime } from '../../domain/exposure/regime.js';

export const BATCH_SIZE = 5000;

export class GraphWriter {
  constructor(private readonly db: Database) {}

  async lists(regimes: Regime[]): Promise<void> {
    const rows = regimes.map((r) => ({
      id: r.id,
      props: { name: r.name, authority: r.authority, jurisdiction: r.jurisdiction, rule: JSON.stringify(r.rule) },
    }));
    await this.batched('import/upsert-lists', rows);
  }

  async sources(sources: Source[]): Promise<void> {
    await this.batched('import/upsert-sources', sources.map(({ id, ...props }) => ({ id, props: { ...props, date: dateParam(props.date) } })));
  }

  async entities(entities: Entity[]): Promise<void> {
    await this.batched('import/upsert-entities', entities.map(entityParams));
  }

  async ownership(edges: OwnershipEdge[]): Promise<void> {
    await this.batched('import/upsert-owns', edges.map(ownershipParams));
  }

  async control(edges: ControlEdge[]): Promise<void> {
    await this.batched('import/upsert-controls', edges.map(controlParams));
  }

  async decisions(decisions: ListingDecision[]): Promise<void> {
    const rows = decisions.map(({ id, listId, entityIds, date, effective, ...rest }) => ({
      id,
      listId,
      entityIds,
      props: { ...rest, date: dateParam(date), effective: dateParam(effective) },
    }));
    await this.batched('import/upsert-decisions', rows);
  }

  private async batched(query: string, rows: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      await this.db.write(query, { rows: rows.slice(i, i + BATCH_SIZE) });
    }
  }
}

// The parameter rows of the upsert queries, exported so that the synthetic loader's CREATE queries
// (cypher/synthetic/create-*.cypher) write exactly the same properties.
export function entityParams(e: Entity): Record<string, unknown> {
  return {
    id: e.id,
    kind: e.kind,
    props: {
      name: e.name,
      aliases: e.aliases,
      country: e.country,
      identifiers: e.identifiers.map(identifierToString),
      description: e.description,
      sourceIds: e.sourceIds,
      searchText: [...e.aliases, ...e.identifiers.map((i) => i.value)].join('\n'),
    },
  };
}

export function ownershipParams({ id, owner, owned, start, end, ...rest }: OwnershipEdge): Record<string, unknown> {
  return { id, owner, owned, props: { ...rest, start: dateParam(start), end: dateParam(end) } };
}

export function controlParams({ id, controller, controlled, start, end, ...rest }: ControlEdge): Record<string, unknown> {
  return { id, controller, controlled, props: { ...rest, start: dateParam(start), end: dateParam(end) } };
}
