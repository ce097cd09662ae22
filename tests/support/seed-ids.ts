// The ids of the seeded Hikvision entities. Suites run in parallel on one database and some import
// look-alikes (another SASAC, another Hikvision), so assertions about the seed compare the seeded part.
import { readFileSync } from 'node:fs';
import { fromRoot } from '../../server/src/paths.js';

export const SEED_IDS: ReadonlySet<string> = new Set(
  (JSON.parse(readFileSync(fromRoot('seed/hikvision/entities.json'), 'utf8')) as { id: string }[]).map((e) => e.id),
);

/** The ids of the seeded lists (imports add lists of their own, e.g. Japan's and SECO's). */
export const SEED_LISTS: readonly string[] = (JSON.parse(readFileSync(fromRoot('seed/lists.json'), 'utf8')) as { lists: { id: string }[] }).lists.map((l) => l.id).sort();
