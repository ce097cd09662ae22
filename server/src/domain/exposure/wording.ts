// Plain-English wording of stakes, aggregates and decisions for explanation sentences.
import type { ListingDecision } from '../model.js';
import { HUNDRED, toPercent } from './interval.js';
import type { Aggregate, DecisionRef } from './types.js';

export function aggregateOf(lo: number, loOpen: boolean, hi: number, hiOpen: boolean): Aggregate {
  // An upper bound past 100% (several unknown stakes) says no more than 100% does.
  const capped = hi > HUNDRED;
  const max = Math.max(lo, capped ? HUNDRED : hi);
  return {
    min: toPercent(lo),
    max: toPercent(max),
    minExclusive: loOpen,
    maxExclusive: capped || max !== hi ? false : hiOpen,
  };
}

function pct(x: number): string {
  return `${Number(x.toFixed(4))}%`;
}

/** "40%", "25–50%", "more than 25% and at most 50%", … */
export function intervalText(a: Aggregate): string {
  if (a.min === a.max && !a.minExclusive && !a.maxExclusive) return pct(a.min);
  const lo = pct(a.min);
  const hi = pct(a.max);
  if (!a.minExclusive && !a.maxExclusive) return `${lo.slice(0, -1)}–${hi}`;
  if (a.minExclusive && !a.maxExclusive) return `more than ${lo} and at most ${hi}`;
  if (!a.minExclusive && a.maxExclusive) return `at least ${lo} and under ${hi}`;
  return `more than ${lo} and under ${hi}`;
}

export function stakeText(a: Aggregate): string {
  if (a.min === 0 && a.max === 100 && !a.minExclusive && !a.maxExclusive) return 'an unknown share (0–100%)';
  return intervalText(a);
}

export function thresholdText(threshold: number, cmp: 'gte' | 'gt'): string {
  return `${cmp === 'gte' ? '≥' : '>'} ${pct(threshold)}`;
}

export function decisionRef(d: ListingDecision): DecisionRef {
  return { id: d.id, listId: d.listId, action: d.action, date: d.date, effective: d.effective, citation: d.citation };
}

/** "listed 2019-10-09, 84 FR 54002" (or "on us-bis-meu since …" for another counted list). */
export function listedText(d: DecisionRef, ownListId: string): string {
  const since = d.effective ?? d.date;
  return d.listId === ownListId ? `listed ${since}, ${d.citation}` : `on ${d.listId} since ${since}, ${d.citation}`;
}
