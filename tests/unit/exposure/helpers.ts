// Small builders so each test states its graph in a few lines.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ControlEdge, ListingDecision, OwnershipEdge } from '../../../server/src/domain/model.js';
import { computeExposure, parseRegimeFile, type ExposureEvaluation, type ExposureGraph, type ExposureStatus, type Regime } from '../../../server/src/domain/exposure/index.js';

export const REGIME_FILE = parseRegimeFile(JSON.parse(readFileSync(join(process.cwd(), 'seed/lists.json'), 'utf8')));

export function regime(id: string): Regime {
  const r = REGIME_FILE.lists.find((l) => l.id === id);
  if (!r) throw new Error(`no regime ${id}`);
  return r;
}

export interface Range {
  min?: number | null;
  max?: number | null;
  minInclusive?: boolean;
  maxInclusive?: boolean;
}

let seq = 0;

export function own(
  owner: string,
  owned: string,
  stake: number | null | Range,
  opts: { start?: string | null; end?: string | null; id?: string } = {},
): OwnershipEdge {
  const range = typeof stake === 'object' && stake !== null ? stake : null;
  return {
    id: opts.id ?? `own-${owner}-${owned}-${++seq}`,
    owner,
    owned,
    percent: typeof stake === 'number' ? stake : null,
    percentMin: range?.min ?? null,
    percentMax: range?.max ?? null,
    minInclusive: range?.minInclusive ?? true,
    maxInclusive: range?.maxInclusive ?? true,
    start: opts.start ?? null,
    end: opts.end ?? null,
    sourceIds: [],
  };
}

export function ctl(controller: string, controlled: string, opts: { start?: string | null; end?: string | null; basis?: string; id?: string } = {}): ControlEdge {
  return {
    id: opts.id ?? `ctl-${controller}-${controlled}-${++seq}`,
    controller,
    controlled,
    basis: opts.basis ?? 'board control',
    start: opts.start ?? null,
    end: opts.end ?? null,
    sourceIds: [],
  };
}

export function decision(
  listId: string,
  entityIds: string[],
  opts: { action?: ListingDecision['action']; date?: string; effective?: string | null; citation?: string; id?: string } = {},
): ListingDecision {
  return {
    id: opts.id ?? `dec-${listId}-${++seq}`,
    listId,
    action: opts.action ?? 'added',
    date: opts.date ?? '2000-01-01',
    effective: opts.effective ?? null,
    citation: opts.citation ?? `cite-${seq}`,
    summary: '',
    entityIds,
    sourceIds: [],
  };
}

export function graph(parts: {
  owns?: OwnershipEdge[];
  controls?: ControlEdge[];
  decisions?: ListingDecision[];
  names?: Record<string, string>;
}): ExposureGraph {
  return {
    entities: Object.entries(parts.names ?? {}).map(([id, name]) => ({ id, name })),
    ownerships: parts.owns ?? [],
    controls: parts.controls ?? [],
    decisions: parts.decisions ?? [],
  };
}

/** Graph where `listed` are on `listId` from 2000-01-01. */
export function listedGraph(listId: string, listed: string[], owns: OwnershipEdge[], controls: ControlEdge[] = []): ExposureGraph {
  return graph({ owns, controls, decisions: [decision(listId, listed)] });
}

export function statuses(ev: ExposureEvaluation, ids: string[]): Record<string, ExposureStatus | undefined> {
  return Object.fromEntries(ids.map((id) => [id, ev.status(id)]));
}

export function run(listId: string, g: ExposureGraph, asOf = '2024-01-01'): ExposureEvaluation {
  return computeExposure(g, regime(listId), asOf);
}
