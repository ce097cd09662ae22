// Every query lives in cypher/<area>/<name>.cypher and is loaded by name, so Cypher is reviewed as
// Cypher and never assembled from strings. Files are read once and cached.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { CYPHER_DIR } from '../paths.js';

const cache = new Map<string, string>();

export function cypher(name: string): string {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  if (!/^[a-z0-9-]+\/[a-z0-9-]+$/.test(name)) throw new Error(`bad query name ${name}`);
  const text = readFileSync(path.join(CYPHER_DIR, `${name}.cypher`), 'utf8');
  cache.set(name, text);
  return text;
}

/** Split a file holding several statements (schema files) on `;` at line ends, dropping comments. */
export function statements(name: string): string[] {
  return cypher(name)
    .split(/;\s*$/m)
    .map((s) => s.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}

export function queryNames(area: string): string[] {
  return readdirSync(path.join(CYPHER_DIR, area))
    .filter((f) => f.endsWith('.cypher'))
    .sort()
    .map((f) => `${area}/${f.slice(0, -'.cypher'.length)}`);
}
