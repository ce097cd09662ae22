// Writes cypher/paths/<mode>-<direction>.cypher from server/src/db/path-cypher.ts. Run after changing
// that module: `npx tsx server/src/cli/gen-path-cypher.ts` (tests/unit/path-cypher.test.ts fails until then).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PATH_DIRECTIONS, PATH_MODES, pathQueryName, pathQueryText } from '../db/path-cypher.js';
import { CYPHER_DIR } from '../paths.js';

mkdirSync(path.join(CYPHER_DIR, 'paths'), { recursive: true });
for (const mode of PATH_MODES) {
  for (const direction of PATH_DIRECTIONS) {
    const file = path.join(CYPHER_DIR, `${pathQueryName(mode, direction)}.cypher`);
    writeFileSync(file, pathQueryText(mode, direction));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
