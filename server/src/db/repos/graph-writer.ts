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
    await this.batched('import/upsert-lists', regimes.map(listParams));
  }

  async sources(sources: Source[]): Promise<void> {
    await this.batched('import/upsert-sources', sources.map(sourceParams));
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
    await this.batched('import/upsert-decisions', decisions.map(decisionParams));
  }

  private async batched(query: string, rows: Record<string, unknown>[]): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH_SIZE) {
      await this.db.write(query, { rows: rows.slice(i, i + BATCH_SIZE) });
    }
  }
}

// The parameter rows of the upsert queries, exported so that the synthetic loader's CREATE queries
// (cypher/synthetic/create-*.cypher) and its bulk-import CSV files (synthetic/csv.ts) write exactly the
// same properties.
export function listParams(r: Regime): { id: string; props: Record<string, unknown> } {
  return { id: r.id, props: { name: r.name, authority: r.authority, jurisdiction: r.jurisdiction, rule: JSON.stringify(r.rule) } };
}

export function sourceParams({ id, ...props }: Source): { id: string; props: Record<string, unknown> } {
  return { id, props: { ...props, date: dateParam(props.date) } };
}

export function decisionParams({ id, listId, entityIds, date, effective, ...rest }: ListingDecision): { id: string; listId: string; entityIds: string[]; props: Record<string, unknown> } {
  return { id, listId, entityIds, props: { ...rest, date: dateParam(date), effective: dateParam(effective) } };
}

export function entityParams(e: Entity): { id: string; kind: string; props: Record<string, unknown> } {
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

export function ownershipParams({ id, owner, owned, start, end, ...rest }: OwnershipEdge): { id: string; owner: string; owned: string; props: Record<string, unknown> } {
  return { id, owner, owned, props: { ...rest, start: dateParam(start), end: dateParam(end) } };
}

export function controlParams({ id, controller, controlled, start, end, ...rest }: ControlEdge): { id: string; controller: string; controlled: string; props: Record<string, unknown> } {
  return { id, controller, controlled, props: { ...rest, start: dateParam(start), end: dateParam(end) } };
}
