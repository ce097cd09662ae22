// A synthetic ownership graph of any size, deterministic for (entities, seed), produced entity by entity so
// it can be streamed: organisation i yields itself, the OWNS edges into it (its primary owner with a
// power-law pick on the level above, sometimes a second owner splitting the stake, cross-holdings, dated
// sales and partial divestments), now and then a CONTROLS edge, a stake in one of its own ancestors (a
// cycle) or a mutual cross-holding (a 2-cycle), and — for ~1% of entities — listing decisions on one to
// three lists with dates, some later removed. People hold stakes near the top (ultimate owners).
// 10% of stakes are unknown and 5% are ranges.
import type { ControlEdge, Entity, IsoDate, ListingDecision, OwnershipEdge, Source } from '../domain/model.js';
import { ancestor, entityId, groupOf, isPerson, kindOf, levelOf, makeLayout, pickOnLevel, pickPerson, primaryOwner, type Layout } from './layout.js';
import { nameEntity } from './names.js';
import { Rng } from './random.js';

export interface SyntheticOptions {
  entities: number;
  seed: number;
  /** List ids decisions may name (seed/lists.json); earlier ids are picked more often. */
  listIds: string[];
}

export interface EdgesOf {
  owns: OwnershipEdge[];
  controls: ControlEdge[];
}

export interface SyntheticData {
  sources: Source[];
  entities: Entity[];
  owns: OwnershipEdge[];
  controls: ControlEdge[];
  decisions: ListingDecision[];
}

type Stake = Pick<OwnershipEdge, 'percent' | 'percentMin' | 'percentMax' | 'minInclusive' | 'maxInclusive'>;

const UNKNOWN_SHARE = 0.1;
const RANGED_SHARE = 0.05;
/** Entities with listing decisions of their own; co-named parents bring the listed share to ~1%. */
const LISTED_SHARE = 0.0085;
/** Relative weights of lists that name only a few entities in reality. */
const RARE_LISTS: Record<string, number> = { 'us-ndaa-889': 0.05 };
const FIRST_DAY = Date.UTC(2008, 0, 1);
const LAST_DAY = Date.UTC(2026, 9, 31);
const DAY_MS = 86_400_000;

const iso = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);
/** A day in [from, to], as an ISO date. */
function dayBetween(rng: Rng, from: number, to: number): IsoDate {
  return iso(from + rng.int(Math.floor((to - from) / DAY_MS) + 1) * DAY_MS);
}
const dayMs = (d: IsoDate): number => Date.parse(`${d}T00:00:00Z`);

function stake(rng: Rng, share: number): Stake {
  const r = rng.float();
  if (r < UNKNOWN_SHARE) return { percent: null, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true };
  if (r < UNKNOWN_SHARE + RANGED_SHARE) {
    const lo = Math.max(0, Math.floor(share / 10) * 10 - rng.pick([0, 10]));
    const hi = Math.min(100, lo + rng.pick([10, 20, 25]));
    return { percent: null, percentMin: lo, percentMax: hi, minInclusive: rng.chance(0.7), maxInclusive: rng.chance(0.5) };
  }
  return { percent: share, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true };
}

export class SyntheticGraph {
  readonly layout: Layout;
  readonly sourceId: string;
  private readonly listWeights: number[];

  constructor(private readonly opts: SyntheticOptions) {
    if (opts.listIds.length === 0) throw new Error('the synthetic graph needs at least one list id');
    this.layout = makeLayout(opts.entities, opts.seed);
    this.sourceId = `${this.layout.prefix}-source`;
    // The first lists (OFAC, BIS Entity List) get the most decisions, as in reality; lists that name a fixed
    // handful of companies (NDAA 889 names five) get few, or their affiliate rule would capture a quarter
    // of the graph, which no real register shows.
    this.listWeights = opts.listIds.map((id, k) => (RARE_LISTS[id] ?? 1) / (1 + k * 0.5));
  }

  get size(): number {
    return this.layout.entities;
  }

  id(i: number): string {
    return entityId(this.layout, i);
  }

  source(): Source {
    return {
      id: this.sourceId,
      publisher: 'Ownership Explorer synthetic generator',
      title: `Synthetic ownership graph: ${this.layout.entities} entities, seed ${this.layout.seed}`,
      date: null,
      url: null,
      file: null,
    };
  }

  entity(i: number): Entity {
    const kind = kindOf(this.layout, i);
    const naming = nameEntity(kind, `${this.layout.prefix.toUpperCase()}${String(i).padStart(9, '0')}`, new Rng(this.layout.seed, 'name', i));
    return { id: this.id(i), kind, ...naming, description: null, sourceIds: [this.sourceId] };
  }

  /** The edges entity i generates: those into it, and the odd stake it holds in an ancestor or a peer. */
  edgesOf(i: number): EdgesOf {
    const out: EdgesOf = { owns: [], controls: [] };
    const rng = new Rng(this.layout.seed, 'edges', i);
    let n = 0;
    const own = (owner: number, owned: number, s: Stake, start: IsoDate | null = null, end: IsoDate | null = null): void => {
      out.owns.push({ id: `${this.layout.prefix}-o${i}-${n++}`, owner: this.id(owner), owned: this.id(owned), ...s, start, end, sourceIds: [this.sourceId] });
    };
    if (isPerson(this.layout, i)) {
      this.personStakes(i, rng, own);
      return out;
    }
    const level = levelOf(this.layout, i);
    const primary = primaryOwner(this.layout, i);
    if (primary === null) return out; // a state body at the top
    const taken = new Set([i, primary]);
    const another = (pick: () => number): number => {
      for (let tries = 0; tries < 8; tries++) {
        const j = pick();
        if (!taken.has(j)) return (taken.add(j), j);
      }
      return -1;
    };
    // Owners come from the entity's own group; minority stakes come from any group 2% of the time (the
    // ties that join groups into one giant component without merging their upstreams).
    const ownGroup = groupOf(this.layout, i);
    const group = (): number | undefined => ownGroup;
    const anyGroup = (): number | undefined => (rng.chance(0.02) ? undefined : ownGroup);
    const above = (): number => pickOnLevel(this.layout, level - 1, rng, group());

    const split = rng.chance(0.3);
    const share = split ? rng.pick([30, 40, 50, 51, 60, 70]) : rng.pick([100, 100, 100, 100, 90, 75, 60, 51, 50, 49, 30]);
    const since = rng.chance(0.08) ? dayBetween(rng, Date.UTC(2005, 0, 1), Date.UTC(2024, 11, 31)) : null;
    const change = rng.float();
    if (change < 0.08) {
      // A dated change: the stake is sold to another owner (acquisition + divestment) or cut below it.
      const on = dayBetween(rng, Math.max(Date.UTC(2012, 0, 1), since ? dayMs(since) + DAY_MS : 0), Date.UTC(2026, 5, 30));
      own(primary, i, stake(rng, share), since, on);
      if (change < 0.05) {
        const buyer = another(above);
        if (buyer >= 0) own(buyer, i, stake(rng, share), on, null);
      } else {
        own(primary, i, stake(rng, Math.min(share - 1, rng.pick([20, 30, 40, 49]))), on, null);
      }
    } else {
      own(primary, i, stake(rng, share), since, null);
    }
    if (split) {
      // The other shareholder: a person half of the time (an ultimate owner), else a group company above.
      const from = level >= 2 && rng.chance(0.1) ? level - 2 : level - 1;
      const second = another(() => (rng.chance(0.5) ? pickPerson(this.layout, rng) : pickOnLevel(this.layout, from, rng, group())));
      if (second >= 0) own(second, i, stake(rng, rng.pick([100 - share, 100 - share, Math.round((100 - share) / 2), 10])));
    }
    if (rng.chance(0.12)) {
      // A cross-holding: a minority stake from another company of the group on the level above (a peer on the
      // same level would pull its whole upstream in without getting closer to the top).
      const peer = another(() => pickOnLevel(this.layout, level - 1, rng, anyGroup()));
      if (peer >= 0) own(peer, i, stake(rng, rng.pick([5, 10, 15, 20])), rng.chance(0.3) ? dayBetween(rng, FIRST_DAY, LAST_DAY) : null);
    }
    if (level >= 2 && rng.chance(0.01)) {
      const controller = pickOnLevel(this.layout, rng.chance(0.5) ? 0 : level - 2, rng, group());
      out.controls.push({
        id: `${this.layout.prefix}-c${i}`, controller: this.id(controller), controlled: this.id(i),
        basis: rng.pick(['board control', 'state supervision', 'voting agreement']), start: null, end: null, sourceIds: [this.sourceId],
      });
    }
    if (level >= 3 && rng.chance(0.002)) {
      // A subsidiary holding shares in its own parent or grandparent: an ownership cycle. Kept close, because
      // the ancestors of most entities are their group's hubs: a stake from far below would pull that whole
      // branch into the upstream of everything under the hub.
      const up = ancestor(this.layout, i, 1 + rng.int(2));
      if (up !== null && !isPerson(this.layout, up)) own(i, up, stake(rng, rng.pick([5, 10, 15])));
    }
    if (level >= 2 && rng.chance(0.001)) {
      const peer = pickOnLevel(this.layout, level, rng, groupOf(this.layout, i));
      if (peer !== i) {
        own(i, peer, stake(rng, 8));
        own(peer, i, stake(rng, 8));
      }
    }
    return out;
  }

  /** Decisions naming entity i (and sometimes its primary owner with it, as one rule names many). */
  decisionsOf(i: number): ListingDecision[] {
    const rng = new Rng(this.layout.seed, 'listing', i);
    if (!rng.chance(LISTED_SHARE)) return [];
    const lists = this.pickLists(rng, rng.pick([1, 1, 1, 2, 2, 3]));
    const parent = primaryOwner(this.layout, i);
    const out: ListingDecision[] = [];
    lists.forEach((listId, k) => {
      const date = dayBetween(rng, FIRST_DAY, LAST_DAY);
      const named = parent !== null && rng.chance(0.2) ? [this.id(i), this.id(parent)] : [this.id(i)];
      const added = rng.chance(0.92);
      const effective = rng.chance(0.25) ? iso(dayMs(date) + (1 + rng.int(45)) * DAY_MS) : null;
      out.push(this.decision(`${this.layout.prefix}-d${i}-${k}`, listId, added ? 'added' : 'proposed', date, effective, named));
      if (added && rng.chance(0.1) && dayMs(date) + 365 * DAY_MS < LAST_DAY) {
        out.push(this.decision(`${this.layout.prefix}-d${i}-${k}r`, listId, 'removed', dayBetween(rng, dayMs(date) + 365 * DAY_MS, LAST_DAY), null, named));
      }
    });
    return out;
  }

  /** Everything at once, for tests and small graphs (the loader streams batches instead). */
  all(): SyntheticData {
    const data: SyntheticData = { sources: [this.source()], entities: [], owns: [], controls: [], decisions: [] };
    for (let i = 0; i < this.size; i++) {
      data.entities.push(this.entity(i));
      const { owns, controls } = this.edgesOf(i);
      data.owns.push(...owns);
      data.controls.push(...controls);
      data.decisions.push(...this.decisionsOf(i));
    }
    return data;
  }

  private personStakes(i: number, rng: Rng, own: (owner: number, owned: number, s: Stake, start?: IsoDate | null) => void): void {
    const count = rng.chance(0.3) ? 2 : 1;
    const seen = new Set<number>();
    for (let k = 0; k < count; k++) {
      const r = rng.float();
      const level = r < 0.5 ? 1 : r < 0.7 ? 2 : 2 + rng.int(5);
      const target = r < 0.7 ? pickOnLevel(this.layout, level, rng) : this.layout.levelStart[level]! + rng.int(this.layout.levelStart[level + 1]! - this.layout.levelStart[level]!);
      if (seen.has(target)) continue;
      seen.add(target);
      own(i, target, stake(rng, rng.pick([100, 60, 51, 30, 20, 10])), rng.chance(0.1) ? dayBetween(rng, FIRST_DAY, LAST_DAY) : null);
    }
  }

  private pickLists(rng: Rng, count: number): string[] {
    const chosen = new Set<string>();
    const total = this.listWeights.reduce((a, b) => a + b, 0);
    for (let tries = 0; chosen.size < Math.min(count, this.opts.listIds.length) && tries < 20; tries++) {
      let r = rng.float() * total;
      let k = 0;
      while (k < this.listWeights.length - 1 && r >= this.listWeights[k]!) r -= this.listWeights[k++]!;
      chosen.add(this.opts.listIds[k]!);
    }
    return [...chosen];
  }

  private decision(id: string, listId: string, action: ListingDecision['action'], date: IsoDate, effective: IsoDate | null, entityIds: string[]): ListingDecision {
    return { id, listId, action, date, effective, citation: `Synthetic ${listId} ${date}`, summary: `Synthetic ${action} decision`, entityIds, sourceIds: [this.sourceId] };
  }
}
