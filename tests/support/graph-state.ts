// What "the graph is unchanged" means for tests that throw hostile requests at the shared test database:
// the seeded part of the graph (every node the seed files define, and the relationships among them) has
// the same counts and the same checksum over ids, labels and properties before and after, and no label,
// relationship type or property key was ever created with a name the test chose. The scope is the seed,
// not the whole database, because other test files write under their own prefixes at the same time.
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Database } from '../../server/src/db/database.js';
import { readCase, readRegimes } from '../../server/src/formats/seed-files.js';
import { SEED_DIR } from '../../server/src/paths.js';

export interface SeedIds {
  nodes: string[];
  entities: string[];
  lists: string[];
  sources: string[];
  decisions: string[];
  /** Ids of the seed's OWNS and CONTROLS edges. */
  edges: string[];
}

export async function seedIds(): Promise<SeedIds> {
  const regimes = await readRegimes(path.join(SEED_DIR, 'lists.json'));
  const data = await readCase(path.join(SEED_DIR, 'hikvision'), new Set(regimes.map((r) => r.id)));
  const lists = regimes.map((r) => r.id);
  const sources = data.sources.map((s) => s.id);
  const entities = data.entities.map((e) => e.id);
  const decisions = data.decisions.map((d) => d.id);
  return {
    nodes: [...lists, ...sources, ...entities, ...decisions],
    entities,
    lists,
    sources,
    decisions,
    edges: [...data.ownership.map((o) => o.id), ...data.control.map((c) => c.id)],
  };
}

export interface SeedState {
  nodes: number;
  relationships: number;
  /** sha256 over every seeded node's id, labels and properties and its relationships to seeded nodes. */
  checksum: string;
}

/** JSON with object keys sorted, so equal maps give equal text whatever order the driver returns. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

export async function seedState(db: Database, ids: SeedIds): Promise<SeedState> {
  const rows = await db.read('test/seed-scope', { ids: ids.nodes });
  const hash = createHash('sha256');
  let relationships = 0;
  for (const row of rows) {
    const out = (row.out as unknown[]).map(canonical).sort();
    relationships += out.length;
    hash.update(canonical([row.id, [...(row.labels as string[])].sort(), row.props, out])).update('\n');
  }
  return { nodes: rows.length, relationships, checksum: hash.digest('hex') };
}

export interface Tokens {
  labels: string[];
  relationshipTypes: string[];
  propertyKeys: string[];
}

export async function tokens(db: Database): Promise<Tokens> {
  const [row] = await db.read('test/tokens');
  return {
    labels: (row?.labels as string[]) ?? [],
    relationshipTypes: (row?.relationshipTypes as string[]) ?? [],
    propertyKeys: (row?.propertyKeys as string[]) ?? [],
  };
}

/** Removes what a test wrote under its prefixes (and its datasets' import runs). */
export async function deletePrefixed(db: Database, prefixes: string[], datasets: string[] = []): Promise<void> {
  await db.write('test/delete-fuzz', { prefixes, datasets });
}

export async function prefixedCounts(db: Database, prefixes: string[]): Promise<{ nodes: number; relationships: number; decisions: number }> {
  const [row] = await db.read('test/prefixed-count', { prefixes });
  return { nodes: Number(row?.nodes), relationships: Number(row?.relationships), decisions: Number(row?.decisions) };
}
