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
    const rows = entities.map((e) => ({
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
    }));
    await this.batched('import/upsert-entities', rows);
  }

  async ownership(edges: OwnershipEdge[]): Promise<void> {
    const rows = edges.map(({ id, owner, owned, start, end, ...rest }) => ({
      id,
      owner,
      owned,
      props: { ...rest, start: dateParam(start), end: dateParam(end) },
    }));
    await this.batched('import/upsert-owns', rows);
  }

  async control(edges: ControlEdge[]): Promise<void> {
    const rows = edges.map(({ id, controller, controlled, start, end, ...rest }) => ({
      id,
      controller,
      controlled,
      props: { ...rest, start: dateParam(start), end: dateParam(end) },
    }));
    await this.batched('import/upsert-controls', rows);
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
