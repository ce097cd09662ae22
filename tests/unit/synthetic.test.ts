// The synthetic graph generator: the same graph for the same seed (ids and edges hashed twice), the
// structure the benchmarks rely on (chains of 10+ levels, 10-20% unknown or ranged stakes, ~1% listed,
// cycles, people at the top, dated changes), and — on that graph — the engine's materialised rows agreeing
// with the benchmark's naive per-entity reference on every entity.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildIndex, evaluate, parseRegimeFile, takeSnapshot, type Regime } from '../../server/src/domain/exposure/index.js';
import { inWindow } from '../../server/src/domain/dates.js';
import { materialisedRow } from '../../server/src/services/exposure-rows.js';
import { SyntheticGraph, type SyntheticData } from '../../server/src/synthetic/generate.js';
import { referenceStatus, supported, type Closure } from '../../bench/lib/reference.js';

const REGIMES = parseRegimeFile(JSON.parse(readFileSync(join(process.cwd(), 'seed/lists.json'), 'utf8'))).lists;
const LIST_IDS = REGIMES.map((r) => r.id);
const N = 3000;

function fingerprint(d: SyntheticData): string {
  const hash = createHash('sha256');
  for (const e of d.entities) hash.update(`${e.id}|${e.kind}|${e.name}\n`);
  for (const o of d.owns) hash.update(`${o.id}|${o.owner}|${o.owned}|${o.percent}|${o.percentMin}|${o.percentMax}|${o.start}|${o.end}\n`);
  for (const c of d.controls) hash.update(`${c.id}|${c.controller}|${c.controlled}\n`);
  for (const x of d.decisions) hash.update(`${x.id}|${x.listId}|${x.action}|${x.date}|${x.entityIds.join(',')}\n`);
  return hash.digest('hex');
}

const graph = new SyntheticGraph({ entities: N, seed: 7, listIds: LIST_IDS });
const data = graph.all();

describe('determinism', () => {
  it('generates the same ids, edges and decisions for the same seed, and others for another seed', () => {
    const again = new SyntheticGraph({ entities: N, seed: 7, listIds: LIST_IDS }).all();
    expect(fingerprint(again)).toBe(fingerprint(data));
    expect(again.owns.length).toBe(data.owns.length);
    expect(fingerprint(new SyntheticGraph({ entities: N, seed: 8, listIds: LIST_IDS }).all())).not.toBe(fingerprint(data));
  });

  it('gives any entity the same facts whether generated alone or in order (what lets the loader skip batches)', () => {
    const i = 2500;
    expect(graph.edgesOf(i)).toEqual(new SyntheticGraph({ entities: N, seed: 7, listIds: LIST_IDS }).edgesOf(i));
    expect(data.entities[i]).toEqual(graph.entity(i));
  });
});

describe('structure', () => {
  const ids = new Set(data.entities.map((e) => e.id));

  it('has unique ids and no edge to a missing entity', () => {
    expect(ids.size).toBe(N);
    expect(new Set(data.owns.map((o) => o.id)).size).toBe(data.owns.length);
    for (const o of data.owns) expect(ids.has(o.owner) && ids.has(o.owned)).toBe(true);
    for (const x of data.decisions) for (const id of x.entityIds) expect(ids.has(id)).toBe(true);
    expect(data.owns.length / N).toBeGreaterThan(1.3); // ~1.5 OWNS per entity, as in national registers
  });

  it('has chains of at least 10 levels: the shortest path from any top owner to some entity is >= 10 edges', () => {
    const children = new Map<string, string[]>();
    const owned = new Set<string>();
    for (const o of data.owns) {
      children.set(o.owner, [...(children.get(o.owner) ?? []), o.owned]);
      owned.add(o.owned);
    }
    const depth = new Map<string, number>();
    let frontier = [...ids].filter((id) => !owned.has(id));
    for (const id of frontier) depth.set(id, 0);
    while (frontier.length > 0) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const c of children.get(id) ?? []) {
          if (!depth.has(c)) {
            depth.set(c, depth.get(id)! + 1);
            next.push(c);
          }
        }
      }
      frontier = next;
    }
    expect(Math.max(...depth.values())).toBeGreaterThanOrEqual(10);
  });

  it('has 10-20% unknown or ranged stakes, ~1% listed entities on several lists, dated changes', () => {
    const vague = data.owns.filter((o) => o.percent === null).length / data.owns.length;
    expect(vague).toBeGreaterThanOrEqual(0.1);
    expect(vague).toBeLessThanOrEqual(0.2);
    expect(data.owns.some((o) => o.percent === null && o.percentMin !== null)).toBe(true);
    const listed = new Set(data.decisions.filter((x) => x.action === 'added').flatMap((x) => x.entityIds));
    expect(listed.size / N).toBeGreaterThanOrEqual(0.005);
    expect(listed.size / N).toBeLessThanOrEqual(0.015);
    expect(new Set(data.decisions.map((x) => x.listId)).size).toBeGreaterThanOrEqual(3);
    expect(data.decisions.some((x) => x.action === 'removed')).toBe(true);
    const sold = data.owns.filter((o) => o.end !== null && data.owns.some((b) => b.owned === o.owned && b.start === o.end));
    expect(sold.length).toBeGreaterThan(0); // a stake ending on the day another begins: a sale or a cut
  });

  it('has state bodies and people at the top, and at least one ownership cycle', () => {
    const kind = new Map(data.entities.map((e) => [e.id, e.kind]));
    const owned = new Set(data.owns.map((o) => o.owned));
    const tops = data.entities.filter((e) => !owned.has(e.id)).map((e) => e.kind);
    expect(new Set(tops)).toEqual(new Set(['StateBody', 'Person']));
    expect(data.owns.some((o) => kind.get(o.owner) === 'Person')).toBe(true);
    // A cycle: some OWNS edge whose owner is reachable downward from its owned end.
    const out = new Map<string, string[]>();
    for (const o of data.owns) out.set(o.owner, [...(out.get(o.owner) ?? []), o.owned]);
    const reaches = (from: string, to: string): boolean => {
      const seen = new Set([from]);
      const stack = [from];
      while (stack.length > 0) {
        const at = stack.pop()!;
        if (at === to) return true;
        for (const n of out.get(at) ?? []) if (!seen.has(n)) (seen.add(n), stack.push(n));
      }
      return false;
    };
    expect(data.owns.some((o) => reaches(o.owned, o.owner))).toBe(true);
  });
});

describe('the engine agrees with the naive per-entity reference on the synthetic graph', () => {
  const owners = new Map<string, string[]>();
  for (const o of data.owns) owners.set(o.owned, [...(owners.get(o.owned) ?? []), o.owner]);

  function closureOf(x: string, asOf: string, lists: string[]): Closure {
    const members = new Set([x]);
    const stack = [x];
    while (stack.length > 0) for (const o of owners.get(stack.pop()!) ?? []) if (!members.has(o)) (members.add(o), stack.push(o));
    const closure: Closure = new Map([...members].map((id) => [id, { stakes: [], decisions: [] }]));
    for (const o of data.owns) {
      if (members.has(o.owned) && inWindow(asOf, o.start, o.end)) closure.get(o.owned)!.stakes.push({ ...o });
    }
    for (const d of data.decisions) {
      if (!lists.includes(d.listId) || (d.effective ?? d.date) > asOf) continue;
      for (const id of d.entityIds) closure.get(id)?.decisions.push({ ...d, list: d.listId });
    }
    return closure;
  }

  const cases = REGIMES.filter(supported).flatMap((r) => ['2025-10-15', '2026-12-01'].map((asOf) => [r.id, asOf, r] as [string, string, Regime]));
  it.each(cases)('%s as of %s', (_id, asOf, regime) => {
    const evaluation = evaluate(takeSnapshot(buildIndex({ ...data, ownerships: data.owns }), asOf), regime);
    const lists = [...new Set([regime.id, ...regime.rule.countsAsListed])];
    const statuses = { listed: 0, exposed: 0, possibly_exposed: 0, clear: 0 };
    for (const e of data.entities) {
      // What the recompute writes: a row for a non-clear determination, none for clear.
      const row = materialisedRow(evaluation.determination(e.id, { explain: false })!);
      const stored = row?.status ?? 'clear';
      expect({ id: e.id, status: stored }).toEqual({ id: e.id, status: referenceStatus(e.id, closureOf(e.id, asOf, lists), regime, asOf) });
      statuses[stored] += 1;
    }
    // The comparison covers every status, not just a sea of clear entities.
    expect(statuses.listed).toBeGreaterThan(0);
    expect(statuses.exposed + statuses.possibly_exposed).toBeGreaterThan(0);
  });
});
