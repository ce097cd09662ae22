// Small pieces shared by the exposure services: a regime's fingerprint (a materialisation computed with
// another rule is stale) and the stored form of a determination.
import { createHash } from 'node:crypto';
import type { MaterialisedRow } from '../db/repos/exposure-store.js';
import type { Regime } from '../domain/exposure/regime.js';
import type { Determination } from '../domain/exposure/types.js';

export function ruleHash(regime: Regime): string {
  return createHash('sha256').update(JSON.stringify(regime)).digest('hex').slice(0, 16);
}

/** The stored row of a non-clear determination; null when clear (clear is stored as no relationship). */
export function materialisedRow(d: Determination): MaterialisedRow | null {
  if (d.status === 'clear') return null;
  return {
    entityId: d.entityId,
    status: d.status,
    min: d.aggregate.min,
    max: d.aggregate.max,
    minExclusive: d.aggregate.minExclusive,
    maxExclusive: d.aggregate.maxExclusive,
    flags: JSON.stringify(d.flags),
  };
}
