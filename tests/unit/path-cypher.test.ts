// The path query files are generated from server/src/db/path-cypher.ts; this keeps them in sync and
// checks the whitelist shape: one literal branch per hop bound, nothing spliced from input.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MAX_HOPS, PATH_DIRECTIONS, PATH_MODES, pathQueryName, pathQueryText } from '../../server/src/db/path-cypher.js';
import { CYPHER_DIR } from '../../server/src/paths.js';

describe('path query files', () => {
  for (const mode of PATH_MODES) {
    for (const direction of PATH_DIRECTIONS) {
      it(`${mode}-${direction} matches its generator (run server/src/cli/gen-path-cypher.ts after changes)`, () => {
        const file = readFileSync(path.join(CYPHER_DIR, `${pathQueryName(mode, direction)}.cypher`), 'utf8');
        expect(file).toBe(pathQueryText(mode, direction));
      });
    }
  }

  it('has exactly one branch per hop bound 1..MAX_HOPS, each guarded by $maxHops', () => {
    const text = pathQueryText('all', 'any');
    for (let n = 1; n <= MAX_HOPS; n++) {
      expect(text).toContain(`WHERE $maxHops = ${n}\n`);
      expect(text).toContain(`{1,${n}}`);
    }
    expect(text).not.toContain(`{1,${MAX_HOPS + 1}}`);
  });

  it('walks edges in the direction asked', () => {
    expect(pathQueryText('shortest', 'down')).toContain(']->()');
    expect(pathQueryText('shortest', 'up')).toContain('()<-[r:OWNS|CONTROLS');
    expect(pathQueryText('shortest', 'any')).not.toMatch(/<-\[r|\]->/);
  });
});
