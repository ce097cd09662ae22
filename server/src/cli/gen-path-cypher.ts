// Writes cypher/paths/<mode>-<direction>-<hops>.cypher from server/src/db/path-cypher.ts and removes
// path files it no longer generates. Run after changing that module:
// `npx tsx server/src/cli/gen-path-cypher.ts` (tests/unit/path-cypher.test.ts fails until then).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_HOPS, PATH_DIRECTIONS, PATH_MODES, pathQueryName, pathQueryText } from '../db/path-cypher.js';
import { CYPHER_DIR } from '../paths.js';

const dir = path.join(CYPHER_DIR, 'paths');
mkdirSync(dir, { recursive: true });
const written = new Set<string>();
for (const mode of PATH_MODES) {
  for (const direction of PATH_DIRECTIONS) {
    for (let hops = 1; hops <= MAX_HOPS; hops++) {
      const file = path.join(CYPHER_DIR, `${pathQueryName(mode, direction, hops)}.cypher`);
      writeFileSync(file, pathQueryText(mode, direction, hops));
      written.add(path.basename(file));
    }
  }
}
console.log(`wrote ${written.size} files in ${path.relative(process.cwd(), dir)}`);
// Hand-written queries in the same folder (endpoints.cypher) do not start with a generated prefix.
const generated = new RegExp(`^(${PATH_MODES.join('|')})-(${PATH_DIRECTIONS.join('|')})(-\\d+)?\\.cypher$`);
for (const name of readdirSync(dir)) {
  if (generated.test(name) && !written.has(name)) {
    rmSync(path.join(dir, name));
    console.log(`removed stale ${name}`);
  }
}
