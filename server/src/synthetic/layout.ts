// The shape of a synthetic graph of N entities, as pure functions of (N, seed): which entity sits on which
// level and is of which kind, its id, and its primary owner. Organisations fill LEVELS levels, few at the top
// and geometrically more below (state bodies on level 0, investment vehicles on level 1, companies under
// them); every organisation below the top has a primary owner on the level right above, so the primary
// owners alone make chains LEVELS - 1 edges long, with people above some of them. People come last.
// Organisations also belong to groups (conglomerates of ~GROUP_SIZE): the same slice of every level. Owners
// are picked inside the entity's group, and only now and then across groups, so an entity's upstream stays
// the size of a group's chain, as in real registers, while cross-group stakes still join most groups into
// one giant component.
import type { EntityKind } from '../domain/model.js';
import { Rng } from './random.js';

export const LEVELS = 16;
/** Each level is this many times the one above. */
const GROWTH = 1.5;
/** Share of people among all entities (ultimate owners, and some of the listed parties). */
const PERSON_SHARE = 0.08;
/** Organisations per group (conglomerate). */
const GROUP_SIZE = 2000;
/** Level-1 organisations whose primary owner is a state body; the others are held by a person. */
const STATE_HELD_VEHICLES = 0.65;

export interface Layout {
  seed: number;
  entities: number;
  /** Ids start with this ('syn42'), so two seeds never collide and one seed's data is easy to find. */
  prefix: string;
  /** Organisations are [0, organisations); people are [organisations, entities). */
  organisations: number;
  /** levelStart[k] is the first index of level k; levelStart[LEVELS] = organisations. */
  levelStart: number[];
  /** Groups: group g holds the slice [g / groups, (g + 1) / groups) of every level. */
  groups: number;
}

export function makeLayout(entities: number, seed: number): Layout {
  if (!Number.isInteger(entities) || entities < 100) throw new Error('a synthetic graph needs at least 100 entities');
  if (!Number.isInteger(seed) || seed < 0) throw new Error('the seed is a non-negative integer');
  const people = Math.max(1, Math.round(entities * PERSON_SHARE));
  const organisations = entities - people;
  const weights = Array.from({ length: LEVELS }, (_, k) => Math.pow(GROWTH, k));
  const total = weights.reduce((a, b) => a + b, 0);
  const levelStart = [0];
  for (let k = 0; k < LEVELS; k++) {
    const size = k === LEVELS - 1 ? organisations - levelStart[k]! : Math.max(2, Math.round((organisations * weights[k]!) / total));
    levelStart.push(levelStart[k]! + size);
  }
  return { seed, entities, prefix: `syn${seed}`, organisations, levelStart, groups: Math.max(1, Math.round(organisations / GROUP_SIZE)) };
}

export const entityId = (l: Layout, i: number): string => `${l.prefix}-e${i}`;

export function isPerson(l: Layout, i: number): boolean {
  return i >= l.organisations;
}

/** The level of organisation i (binary search over the level starts). */
export function levelOf(l: Layout, i: number): number {
  let lo = 0;
  let hi = LEVELS - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (l.levelStart[mid]! <= i) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export const levelSize = (l: Layout, k: number): number => l.levelStart[k + 1]! - l.levelStart[k]!;

export function kindOf(l: Layout, i: number): EntityKind {
  if (isPerson(l, i)) return 'Person';
  const level = levelOf(l, i);
  if (level === 0) return 'StateBody';
  if (level === 1) return 'InvestmentVehicle';
  return new Rng(l.seed, 'entity', i).chance(0.05) ? 'InvestmentVehicle' : 'Company';
}

/** The group of organisation i: which slice of its level it sits in. */
export function groupOf(l: Layout, i: number): number {
  const k = levelOf(l, i);
  return Math.min(l.groups - 1, Math.floor(((i - l.levelStart[k]!) * l.groups) / levelSize(l, k)));
}

/**
 * A power-law pick on level k, inside `group` when given (the level's slice for it, or the whole level when
 * the slice is empty): low indices of the slice (the group's holding companies) are chosen far more often.
 */
export function pickOnLevel(l: Layout, k: number, rng: Rng, group?: number): number {
  const size = levelSize(l, k);
  if (group === undefined) return l.levelStart[k]! + rng.powerLaw(size);
  const from = Math.floor((group * size) / l.groups);
  const to = Math.floor(((group + 1) * size) / l.groups);
  return to > from ? l.levelStart[k]! + from + rng.powerLaw(to - from) : l.levelStart[k]! + rng.powerLaw(size);
}

/** A power-law pick among the people. */
export function pickPerson(l: Layout, rng: Rng): number {
  return l.organisations + rng.powerLaw(l.entities - l.organisations, 1.5);
}

/**
 * The primary owner of organisation i (null at the top): a power-law pick in its group on the level above,
 * or for level 1 a state body or a person. Drawn from its own stream, so it can be asked for any entity alone.
 */
export function primaryOwner(l: Layout, i: number): number | null {
  if (isPerson(l, i)) return null;
  const level = levelOf(l, i);
  if (level === 0) return null;
  const rng = new Rng(l.seed, 'parent', i);
  if (level === 1 && !rng.chance(STATE_HELD_VEHICLES)) return pickPerson(l, rng);
  return pickOnLevel(l, level - 1, rng, groupOf(l, i));
}

/** The organisation `steps` primary owners above i, or null when the chain ends first (at a person or the top). */
export function ancestor(l: Layout, i: number, steps: number): number | null {
  let at: number | null = i;
  for (let s = 0; s < steps && at !== null; s++) at = isPerson(l, at) ? null : primaryOwner(l, at);
  return at;
}
