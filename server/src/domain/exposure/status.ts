import type { ExposureStatus } from './types.js';

const NAMES: ExposureStatus[] = ['clear', 'possibly_exposed', 'exposed', 'listed'];

/** State codes (state.ts CLEAR..LISTED) to status names. */
export function statusName(code: number): ExposureStatus {
  return NAMES[code]!;
}
