// What the benchmark asks for, picked deterministically from the synthetic graph's layout (no need to hold
// the graph): random entities, owner → subsidiary pairs 1..6 primary-owner hops apart, search words taken
// from real names, and pairs on the Hikvision seed whose shortest ownership path is 1..6 hops.
import path from 'node:path';
import { readCase, readRegimes } from '../server/src/formats/seed-files.js';
import { SEED_DIR } from '../server/src/paths.js';
import { ancestor, levelOf } from '../server/src/synthetic/layout.js';
import type { SyntheticGraph } from '../server/src/synthetic/generate.js';
import { mulberry32 } from '../server/src/synthetic/random.js';

export function sampleEntities(graph: SyntheticGraph, count: number, seed: number): string[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, () => graph.id(Math.floor(rand() * graph.size)));
}

export interface PathPair {
  from: string;
  to: string;
  hops: number;
}

/** Deep organisations and the primary owner 1..6 levels above them (the path exists unless that stake was sold). */
export function samplePathPairs(graph: SyntheticGraph, count: number, seed: number): PathPair[] {
  const rand = mulberry32(seed);
  const { layout } = graph;
  const pairs: PathPair[] = [];
  for (let tries = 0; pairs.length < count && tries < count * 20; tries++) {
    const i = Math.floor(rand() * layout.organisations);
    const hops = 1 + (pairs.length % 6);
    if (levelOf(layout, i) < hops) continue;
    const up = ancestor(layout, i, hops);
    if (up !== null) pairs.push({ from: graph.id(up), to: graph.id(i), hops });
  }
  return pairs;
}

/** One or two words of sampled entities' names: common words match thousands, pairs a handful. */
export function sampleSearchTerms(graph: SyntheticGraph, count: number, seed: number): string[] {
  const rand = mulberry32(seed);
  return Array.from({ length: count }, (_, k) => {
    const words = graph.entity(Math.floor(rand() * graph.size)).name.split(' ');
    return k % 2 === 0 ? words[0]! : words.slice(0, 2).join(' ');
  });
}

/** Pairs of the Hikvision seed 1..6 OWNS/CONTROLS hops apart, downward, by breadth-first search. */
export async function seedPathPairs(): Promise<PathPair[]> {
  const regimes = await readRegimes(path.join(SEED_DIR, 'lists.json'));
  const data = await readCase(path.join(SEED_DIR, 'hikvision'), new Set(regimes.map((r) => r.id)));
  const out = new Map<string, string[]>();
  const add = (a: string, b: string): void => void out.set(a, [...(out.get(a) ?? []), b]);
  for (const o of data.ownership) add(o.owner, o.owned);
  for (const c of data.control) add(c.controller, c.controlled);
  const pairs: PathPair[] = [];
  for (const from of out.keys()) {
    const dist = new Map([[from, 0]]);
    let frontier = [from];
    for (let d = 1; d <= 6 && frontier.length > 0; d++) {
      const next: string[] = [];
      for (const at of frontier) for (const n of out.get(at) ?? []) if (!dist.has(n)) (dist.set(n, d), next.push(n), pairs.push({ from, to: n, hops: d }));
      frontier = next;
    }
  }
  return pairs;
}
