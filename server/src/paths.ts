// Where the project's files live, whichever way the server was started (tsx, jest, node).
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CYPHER_DIR = path.join(PROJECT_ROOT, 'cypher');
export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

export function fromRoot(p: string): string {
  return path.isAbsolute(p) ? p : path.join(PROJECT_ROOT, p);
}
