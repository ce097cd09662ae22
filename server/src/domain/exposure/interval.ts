// Stakes as intervals in integer micro-percent (1% = 1_000_000) so sums are exact and "exactly 50%"
// means exactly 50%. Each bound may be exclusive (a BODS range "more than 25%"): an open lower bound
// means the true value is strictly above it, an open upper bound strictly below it.
import type { OwnershipEdge } from '../model.js';

export const SCALE = 1_000_000;
export const HUNDRED = 100 * SCALE;

export interface Stake {
  lo: number;
  hi: number;
  loOpen: boolean;
  hiOpen: boolean;
}

export const UNKNOWN_STAKE: Stake = { lo: 0, hi: HUNDRED, loOpen: false, hiOpen: false };

export function toMicro(percent: number): number {
  return Math.round(percent * SCALE);
}

export function toPercent(micro: number): number {
  return micro / SCALE;
}

export function isEmpty(s: Stake): boolean {
  return s.lo > s.hi || (s.lo === s.hi && (s.loOpen || s.hiOpen));
}

/**
 * The interval an edge asserts: an exact percent is [p, p]; a range is [percentMin ?? 0, percentMax ?? 100]
 * with its inclusive flags; no figure at all is unknown, [0, 100]. Returns an error message instead when the
 * edge is malformed (the caller records a warning and treats the stake as unknown).
 */
export function stakeOfEdge(e: OwnershipEdge): Stake | string {
  if (e.percent !== null) {
    if (!Number.isFinite(e.percent) || e.percent < 0 || e.percent > 100) return `percent ${e.percent} is outside 0–100`;
    const p = toMicro(e.percent);
    return { lo: p, hi: p, loOpen: false, hiOpen: false };
  }
  const min = e.percentMin;
  const max = e.percentMax;
  if (min !== null && (!Number.isFinite(min) || min < 0 || min > 100)) return `percentMin ${min} is outside 0–100`;
  if (max !== null && (!Number.isFinite(max) || max < 0 || max > 100)) return `percentMax ${max} is outside 0–100`;
  const s: Stake = {
    lo: min === null ? 0 : toMicro(min),
    hi: max === null ? HUNDRED : toMicro(max),
    loOpen: min !== null && !e.minInclusive,
    hiOpen: max !== null && !e.maxInclusive,
  };
  return isEmpty(s) ? `range ${min ?? 0}–${max ?? 100} (inclusive ${e.minInclusive}/${e.maxInclusive}) is empty` : s;
}

/** Intersection of two reports of the same stake (may be empty: the reports conflict). */
export function intersect(a: Stake, b: Stake): Stake {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return {
    lo,
    hi,
    loOpen: (a.lo === lo && a.loOpen) || (b.lo === lo && b.loOpen),
    hiOpen: (a.hi === hi && a.hiOpen) || (b.hi === hi && b.hiOpen),
  };
}

/** Smallest interval containing both (used when reports conflict: we cannot tell which is right). */
export function hull(a: Stake, b: Stake): Stake {
  const lo = Math.min(a.lo, b.lo);
  const hi = Math.max(a.hi, b.hi);
  return {
    lo,
    hi,
    loOpen: (a.lo !== lo || a.loOpen) && (b.lo !== lo || b.loOpen),
    hiOpen: (a.hi !== hi || a.hiOpen) && (b.hi !== hi || b.hiOpen),
  };
}

export type Comparison = 'gte' | 'gt';

/**
 * Whether a lower bound certainly meets the threshold. `open` means the true value is strictly above `lo`,
 * so under a strict rule (> T) an exclusive lower bound of exactly T meets it.
 */
export function lowerMeets(lo: number, open: boolean, threshold: number, cmp: Comparison): boolean {
  return cmp === 'gte' ? lo >= threshold : lo > threshold || (lo === threshold && open);
}

/** Whether an upper bound possibly meets the threshold (an exclusive upper bound of exactly T never does). */
export function upperMeets(hi: number, open: boolean, threshold: number, cmp: Comparison): boolean {
  return cmp === 'gte' ? hi > threshold || (hi === threshold && !open) : hi > threshold;
}
