// `npm run check`: data-integrity findings, each a list of offending ids (bounded), so an import gone
// wrong is seen before anyone reads an exposure result built on it.
import type { Database, Row } from '../db/database.js';
import { dateParam } from '../db/convert.js';

export const CHECKS = {
  missingSources: 'check/missing-sources',
  orphanDecisions: 'check/orphan-decisions',
  ownershipOver100: 'check/over-100',
  badWindowsOrStakes: 'check/bad-windows',
  ownershipCycles: 'check/ownership-cycles',
} as const;

export type CheckName = keyof typeof CHECKS;
export type IntegrityReport = Record<CheckName, Row[]>;

export async function checkIntegrity(db: Database, asOf: string, limit = 100): Promise<IntegrityReport> {
  const report = {} as IntegrityReport;
  for (const [name, query] of Object.entries(CHECKS) as [CheckName, string][]) {
    report[name] = await db.read(query, { asOf: dateParam(asOf), limit }, 120_000);
  }
  return report;
}

/** Findings that make the data wrong (cycles and totals over 100% are warnings: they can be real). */
export function hasErrors(r: IntegrityReport): boolean {
  return r.missingSources.length + r.orphanDecisions.length + r.badWindowsOrStakes.length > 0;
}
