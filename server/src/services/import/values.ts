// Reading the loosely typed values every format carries: percentages written by hand ("51%", "49,5",
// "10-25%", "more than 25%"), partial dates ("2019", "2019-05") and country codes. Each function
// either returns a value (with warnings for what it had to assume) or a reason the value is unusable.
import { isIsoDate } from '../../domain/dates.js';

/** A stake: an exact percent, or bounds (BODS share min/max), or nothing known (all null). */
export interface Stake {
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
}

export const UNKNOWN_STAKE: Stake = { percent: null, percentMin: null, percentMax: null, minInclusive: true, maxInclusive: true };

export type Parsed<T> = { ok: true; value: T; warnings: string[] } | { ok: false; reason: string };

interface Interval {
  lo: number;
  hi: number;
  loIn: boolean;
  hiIn: boolean;
}

const NUM = String.raw`(\d+(?:[.,]\d+)?|[.,]\d+)`;
// A '>' before the low end or a '<' before the high end marks that bound exclusive (">0-4.43", the form
// the FtM export writes for an exclusive range).
const RANGE = new RegExp(String.raw`^(>)?\s*${NUM}\s*%?\s*(?:-|–|—|to|bis)\s*(<)?\s*${NUM}\s*%?$`, 'i');
const ABOVE = new RegExp(String.raw`^(>=|≥|=>|>|at least|more than|over|above|min(?:imum)?\.?)\s*${NUM}\s*%?$`, 'i');
const BELOW = new RegExp(String.raw`^(<=|≤|=<|<|at most|less than|under|below|up to|max(?:imum)?\.?)\s*${NUM}\s*%?$`, 'i');
const OR_MORE = new RegExp(String.raw`^${NUM}\s*%?\s*(?:or more|\+|and above|or above)$`, 'i');
const EXACT = new RegExp(String.raw`^\+?${NUM}\s*%?$`);

const num = (s: string): number => Number(s.replace(',', '.'));
const fmt = (n: number): string => String(Number(n.toFixed(6)));

function parseOne(raw: string): { ok: true; value: Interval } | { ok: false; reason: string } {
  const text = raw.trim().replace(/\s*(?:percent|per cent|pct)$/i, '%');
  let m: RegExpExecArray | null;
  let iv: Interval;
  if (/^-\s*\d/.test(text)) return { ok: false, reason: `negative percentage '${raw}'` };
  if ((m = EXACT.exec(text))) {
    const v = num(m[1]!);
    iv = { lo: v, hi: v, loIn: true, hiIn: true };
  } else if ((m = RANGE.exec(text))) {
    iv = { lo: num(m[2]!), hi: num(m[4]!), loIn: m[1] === undefined, hiIn: m[3] === undefined };
    if (iv.lo > iv.hi || (iv.lo === iv.hi && !(iv.loIn && iv.hiIn))) return { ok: false, reason: `percentage range '${raw}' runs backwards` };
  } else if ((m = ABOVE.exec(text))) {
    const inclusive = !/^(>|more than|over|above)$/i.test(m[1]!);
    iv = { lo: num(m[2]!), hi: 100, loIn: inclusive, hiIn: true };
  } else if ((m = OR_MORE.exec(text))) {
    iv = { lo: num(m[1]!), hi: 100, loIn: true, hiIn: true };
  } else if ((m = BELOW.exec(text))) {
    const inclusive = !/^(<|less than|under|below)$/i.test(m[1]!);
    iv = { lo: 0, hi: num(m[2]!), loIn: true, hiIn: inclusive };
  } else {
    return { ok: false, reason: `unreadable percentage '${raw}'` };
  }
  if (!Number.isFinite(iv.lo) || !Number.isFinite(iv.hi)) return { ok: false, reason: `unreadable percentage '${raw}'` };
  if (iv.hi > 100 || iv.lo > 100) return { ok: false, reason: `percentage over 100 '${raw}'` };
  return { ok: true, value: iv };
}

function toStake(iv: Interval): Stake {
  if (iv.lo === iv.hi && iv.loIn && iv.hiIn) return { ...UNKNOWN_STAKE, percent: iv.lo };
  return { percent: null, percentMin: iv.lo, percentMax: iv.hi, minInclusive: iv.loIn, maxInclusive: iv.hiIn };
}

/**
 * Percentages as FollowTheMoney and spreadsheets write them: every value of a multi-valued property.
 * No value → an unknown stake. Several values that disagree → the range spanning them, with a warning.
 */
export function parsePercentages(values: readonly string[]): Parsed<Stake> {
  const given = values.map((v) => v.trim()).filter((v) => v.length > 0);
  if (given.length === 0) return { ok: true, value: UNKNOWN_STAKE, warnings: [] };
  const intervals: Interval[] = [];
  for (const v of given) {
    const one = parseOne(v);
    if (!one.ok) return one;
    intervals.push(one.value);
  }
  const first = intervals[0]!;
  const same = intervals.every((i) => i.lo === first.lo && i.hi === first.hi && i.loIn === first.loIn && i.hiIn === first.hiIn);
  if (same) return { ok: true, value: toStake(first), warnings: [] };
  const lo = Math.min(...intervals.map((i) => i.lo));
  const hi = Math.max(...intervals.map((i) => i.hi));
  const merged: Interval = {
    lo,
    hi,
    loIn: intervals.some((i) => i.lo === lo && i.loIn),
    hiIn: intervals.some((i) => i.hi === hi && i.hiIn),
  };
  return {
    ok: true,
    value: toStake(merged),
    warnings: [`several percentages (${given.join('; ')}): kept as the range ${fmt(lo)}–${fmt(hi)}%`],
  };
}

/** A numeric share given as numbers (BODS): exact, or inclusive/exclusive bounds. */
export function stakeFromBounds(share: {
  exact?: unknown;
  minimum?: unknown;
  maximum?: unknown;
  exclusiveMinimum?: unknown;
  exclusiveMaximum?: unknown;
}): Parsed<Stake> {
  const read = (key: string, v: unknown): number | null | string => {
    if (v === undefined || v === null || v === '') return null;
    const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v.replace('%', '').trim()) : NaN;
    if (!Number.isFinite(n)) return `share ${key} is not a number (${JSON.stringify(v)})`;
    if (n < 0) return `negative share ${key} ${n}`;
    if (n > 100) return `share ${key} over 100 (${n})`;
    return n;
  };
  const fields = ['exact', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
  const v: Record<string, number | null> = {};
  for (const f of fields) {
    const r = read(f, share[f]);
    if (typeof r === 'string') return { ok: false, reason: r };
    v[f] = r;
  }
  const warnings: string[] = [];
  if (v.exact !== null) {
    const lo = v.minimum ?? v.exclusiveMinimum;
    const hi = v.maximum ?? v.exclusiveMaximum;
    if ((lo !== null && lo !== undefined && lo > v.exact!) || (hi !== null && hi !== undefined && hi < v.exact!)) {
      warnings.push(`share exact ${v.exact} lies outside its own bounds: the exact value was kept`);
    }
    return { ok: true, value: { ...UNKNOWN_STAKE, percent: v.exact! }, warnings };
  }
  const hasMin = v.minimum !== null || v.exclusiveMinimum !== null;
  const hasMax = v.maximum !== null || v.exclusiveMaximum !== null;
  if (!hasMin && !hasMax) return { ok: true, value: UNKNOWN_STAKE, warnings };
  const lo = v.minimum ?? v.exclusiveMinimum ?? 0;
  const hi = v.maximum ?? v.exclusiveMaximum ?? 100;
  const loIn = v.minimum !== null || v.exclusiveMinimum === null;
  const hiIn = v.maximum !== null || v.exclusiveMaximum === null;
  if (lo > hi || (lo === hi && !(loIn && hiIn))) return { ok: false, reason: `share bounds are empty (${lo}–${hi})` };
  return { ok: true, value: toStake({ lo, hi, loIn, hiIn }), warnings };
}

/** An ISO date from a full or partial date; partial dates map to the first day, with a warning. */
export function parseDate(raw: string, what: string): Parsed<string> {
  const text = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) {
    return { ok: true, value: `${m[1]}-01-01`, warnings: [`partial ${what} '${text}' read as ${m[1]}-01-01`] };
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(text))) {
    const value = `${m[1]}-${m[2]}-01`;
    if (!isIsoDate(value)) return { ok: false, reason: `bad ${what} '${raw}'` };
    return { ok: true, value, warnings: [`partial ${what} '${text}' read as ${value}`] };
  }
  if ((m = /^(\d{4}-\d{2}-\d{2})(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text)) && isIsoDate(m[1]!)) {
    return { ok: true, value: m[1]!, warnings: [] };
  }
  return { ok: false, reason: `bad ${what} '${raw}'` };
}

/**
 * One date from a multi-valued property: the earliest for a start, the latest for an end (so the
 * window covers every value given), with a warning when the values disagree. No value → null.
 */
export function pickDate(values: readonly string[], what: string, pick: 'earliest' | 'latest'): Parsed<string | null> {
  const warnings: string[] = [];
  const dates: string[] = [];
  for (const v of values) {
    if (v.trim() === '') continue;
    const d = parseDate(v, what);
    if (!d.ok) return d;
    dates.push(d.value);
    warnings.push(...d.warnings);
  }
  if (dates.length === 0) return { ok: true, value: null, warnings };
  const sorted = [...new Set(dates)].sort();
  const value = pick === 'earliest' ? sorted[0]! : sorted[sorted.length - 1]!;
  if (sorted.length > 1) warnings.push(`several ${what}s (${sorted.join(', ')}): kept the ${pick}, ${value}`);
  return { ok: true, value, warnings };
}

/** ISO 3166-1 alpha-2, lower case, from 'CN', 'cn', or a subdivision such as 'GB-ENG'; else null. */
export function countryCode(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^([A-Za-z]{2})(?:-[A-Za-z0-9]{1,3})?$/.exec(raw.trim());
  return m ? m[1]!.toLowerCase() : null;
}

/** Validity window check shared by the readers: an edge must end after it starts. */
export function windowProblem(start: string | null, end: string | null): string | null {
  return start !== null && end !== null && end <= start ? `end date ${end} is not after start date ${start}` : null;
}

/** Distinct non-empty trimmed strings, first occurrence first, without `exclude`. */
export function distinct(values: readonly unknown[], exclude: readonly string[] = []): string[] {
  const seen = new Set(exclude.map((e) => e.trim()));
  const out: string[] = [];
  for (const v of values) {
    if (typeof v !== 'string') continue;
    const t = v.trim();
    if (t.length === 0 || seen.has(t)) continue;
    seen.add(t);
    out.push(t);
  }
  return out;
}
