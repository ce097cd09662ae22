// Calendar dates as ISO 'YYYY-MM-DD' strings: they sort and compare as strings, and they carry no
// time zone, which is what listing decisions and ownership windows mean.
import type { IsoDate } from './model.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

export function today(now: Date = new Date()): IsoDate {
  return now.toISOString().slice(0, 10);
}

/** Whether a [start, end) window contains the date; null bounds are open. */
export function inWindow(date: IsoDate, start: IsoDate | null, end: IsoDate | null): boolean {
  return (start === null || start <= date) && (end === null || date < end);
}
