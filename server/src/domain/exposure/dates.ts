// Calendar dates as integers (YYYYMMDD) so the hot loops compare numbers, not strings.
import type { IsoDate } from '../model.js';

export const NO_START = 0;
export const NO_END = 99_999_999;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 'YYYY-MM-DD' → YYYYMMDD; throws on anything else so a bad date never silently matches every window. */
export function dayNumber(date: IsoDate): number {
  const m = ISO.exec(date);
  const month = Number(m?.[2]);
  const day = Number(m?.[3]);
  if (!m || month < 1 || month > 12 || day < 1 || day > 31) throw new RangeError(`not an ISO date: ${JSON.stringify(date)}`);
  return Number(m[1]) * 10_000 + month * 100 + day;
}

export function startDay(start: IsoDate | null): number {
  return start === null ? NO_START : dayNumber(start);
}

export function endDay(end: IsoDate | null): number {
  return end === null ? NO_END : dayNumber(end);
}

/** Half-open validity [start, end). */
export function validOn(start: number, end: number, day: number): boolean {
  return start <= day && day < end;
}
