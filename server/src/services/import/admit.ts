// The pipeline's checks on one record before it joins a batch: no id read twice, every edge end known
// (read earlier in this import or already in the graph), decisions on a known list naming known
// entities, cited sources that exist. A record either goes in whole (with warnings) or is rejected
// or skipped whole, with the reason; its neighbours are never affected.
import type { Regime } from '../../domain/exposure/regime.js';
import type { GraphItem, Where } from './types.js';

/**
 * The longest name accepted, in UTF-8 bytes. Names are in a RANGE index (entity_name, for ordering), whose
 * keys Neo4j limits to ~8 KB: a longer name fails its whole batch ("Property value is too large to index").
 * Real names are far shorter; 4,000 bytes leaves room for any script.
 */
export const MAX_NAME_BYTES = 4_000;

export interface AdmitState {
  /** Entity id → where it was read, for everything this import admitted so far. */
  known: Map<string, Where>;
  /** Entities already in the graph before this import (looked up per batch). */
  inGraph: Set<string>;
  /** Entity ids of records skipped (not imported by design) and rejected, with why. */
  notImported: Map<string, string>;
  rejected: Map<string, Where>;
  edgeIds: Map<string, Where>;
  decisionIds: Map<string, Where>;
  /** Lists already in the graph (or written by this run): decisions may point at them. */
  lists: Set<string>;
  /** Built-in regimes (seed/lists.json), written if a decision needs one the graph lacks. */
  builtInLists: Map<string, Regime>;
  /** Lists the reader created for other authorities, and which of them this run has written. */
  importLists: Map<string, Regime>;
  importListsWritten: Set<string>;
  sources: Set<string>;
  importSource: string;
}

export type Admitted =
  | { ok: true; items: GraphItem[]; warnings: string[]; newLists: Regime[] }
  | { ok: false; skip: boolean; reason: string };

const where = (w: Where) => `${w.file}:${w.line}`;

export function admit(items: GraphItem[], state: AdmitState): Admitted {
  const warnings: string[] = [];
  const local = new Set<string>();
  const newLists: Regime[] = [];
  const resolvable = (id: string) => state.known.has(id) || local.has(id) || state.inGraph.has(id);
  const missing = (id: string, role: string): { skip: boolean; reason: string } => {
    const skipped = state.notImported.get(id);
    if (skipped !== undefined) return { skip: true, reason: `${role} ${id} is not imported (${skipped})` };
    const rejected = state.rejected.get(id);
    if (rejected !== undefined) return { skip: false, reason: `${role} ${id} was rejected (${where(rejected)})` };
    return { skip: false, reason: `unknown reference: ${role} '${id}' is neither in this import nor in the graph` };
  };
  const sources = (ids: string[]): string[] => {
    const kept: string[] = [];
    for (const s of ids) {
      if (state.sources.has(s)) kept.push(s);
      else warnings.push(`unknown source '${s}' dropped`);
    }
    return [...new Set([...kept, state.importSource])];
  };
  const out: GraphItem[] = [];

  for (const item of items) {
    switch (item.kind) {
      case 'entity': {
        const nameBytes = Buffer.byteLength(item.entity.name, 'utf8');
        if (nameBytes > MAX_NAME_BYTES) return { ok: false, skip: false, reason: `name is ${nameBytes} bytes long; at most ${MAX_NAME_BYTES} (UTF-8)` };
        const seen = state.known.get(item.entity.id);
        if (seen || local.has(item.entity.id)) return { ok: false, skip: false, reason: `duplicate id: ${item.entity.id} was already read${seen ? ` at ${where(seen)}` : ''}` };
        local.add(item.entity.id);
        out.push({ kind: 'entity', entity: { ...item.entity, sourceIds: sources(item.entity.sourceIds) } });
        break;
      }
      case 'owns':
      case 'controls': {
        const e = item.edge;
        const seen = state.edgeIds.get(e.id);
        if (seen) return { ok: false, skip: false, reason: `duplicate id: edge ${e.id} was already read at ${where(seen)}` };
        const [from, to, fromRole, toRole] =
          item.kind === 'owns' ? [item.edge.owner, item.edge.owned, 'owner', 'owned'] : [item.edge.controller, item.edge.controlled, 'controller', 'controlled'];
        for (const [id, role] of [[from, fromRole], [to, toRole]] as const) {
          if (!resolvable(id)) return { ok: false, ...missing(id, role) };
        }
        out.push(item.kind === 'owns' ? { kind: 'owns', edge: { ...item.edge, sourceIds: sources(e.sourceIds) } } : { kind: 'controls', edge: { ...item.edge, sourceIds: sources(e.sourceIds) } });
        break;
      }
      case 'decision': {
        const d = item.decision;
        const seen = state.decisionIds.get(d.id);
        if (seen) return { ok: false, skip: false, reason: `duplicate id: decision ${d.id} was already read at ${where(seen)}` };
        if (item.list) state.importLists.set(item.list.id, item.list);
        // A list this import created is written (or found unchanged) once per run, so a second run
        // reports it like every other item; a built-in one only when the graph lacks it.
        const own = state.importLists.get(d.listId);
        const regime = own && !state.importListsWritten.has(d.listId) ? own : !own && !state.lists.has(d.listId) ? state.builtInLists.get(d.listId) : undefined;
        if (!own && !state.lists.has(d.listId) && !regime) return { ok: false, skip: false, reason: `unknown list '${d.listId}'` };
        if (regime && !newLists.some((l) => l.id === regime.id)) newLists.push(regime);
        const named: string[] = [];
        const problems: { skip: boolean; reason: string }[] = [];
        for (const id of d.entityIds) {
          if (resolvable(id)) named.push(id);
          else problems.push(missing(id, 'named entity'));
        }
        if (named.length === 0) {
          const reason = `names no entity that can be imported: ${problems.map((p) => p.reason).join('; ')}`;
          return { ok: false, skip: problems.every((p) => p.skip), reason };
        }
        warnings.push(...problems.map((p) => `${p.reason}: left out of the decision`));
        out.push({ kind: 'decision', decision: { ...d, entityIds: named, sourceIds: sources(d.sourceIds) } });
        break;
      }
    }
  }
  return { ok: true, items: out, warnings, newLists };
}

/** The entity ids a record refers to without defining them (edge ends, named entities). */
export function references(items: GraphItem[]): string[] {
  const own = new Set(items.flatMap((i) => (i.kind === 'entity' ? [i.entity.id] : [])));
  const refs: string[] = [];
  for (const i of items) {
    if (i.kind === 'owns') refs.push(i.edge.owner, i.edge.owned);
    else if (i.kind === 'controls') refs.push(i.edge.controller, i.edge.controlled);
    else if (i.kind === 'decision') refs.push(...i.decision.entityIds);
  }
  return refs.filter((r) => !own.has(r));
}

export function citedSources(items: GraphItem[]): string[] {
  return items.flatMap((i) => (i.kind === 'entity' ? i.entity.sourceIds : i.kind === 'decision' ? i.decision.sourceIds : i.edge.sourceIds));
}
