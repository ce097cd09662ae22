// The path query files are generated from server/src/db/path-cypher.ts; this keeps them in sync and
// checks the whitelist shape: one file per mode, direction and hop bound, nothing spliced from input.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { MAX_HOPS, PATH_DIRECTIONS, PATH_MODES, pathQueryName, pathQueryText } from '../../server/src/db/path-cypher.js';
import { CYPHER_DIR } from '../../server/src/paths.js';

describe('path query files', () => {
  for (const mode of PATH_MODES) {
    for (const direction of PATH_DIRECTIONS) {
      it(`${mode}-${direction}-1..${MAX_HOPS} match their generator (run server/src/cli/gen-path-cypher.ts after changes)`, () => {
        for (let hops = 1; hops <= MAX_HOPS; hops++) {
          const file = readFileSync(path.join(CYPHER_DIR, `${pathQueryName(mode, direction, hops)}.cypher`), 'utf8');
          expect([hops, file]).toEqual([hops, pathQueryText(mode, direction, hops)]);
        }
      });
    }
  }

  it('has no other generated files (a stale file would be a query nothing checks)', () => {
    const files = readdirSync(path.join(CYPHER_DIR, 'paths')).filter((f) => f !== 'endpoints.cypher').sort();
    const expected = PATH_MODES.flatMap((m) => PATH_DIRECTIONS.flatMap((d) => Array.from({ length: MAX_HOPS }, (_, i) => `${pathQueryName(m, d, i + 1).slice('paths/'.length)}.cypher`)));
    expect(files).toEqual(expected.sort());
  });

  it('bounds each query by its own literal hop count, and refuses bounds outside 1..MAX_HOPS', () => {
    for (let n = 1; n <= MAX_HOPS; n++) {
      const text = pathQueryText('all', 'any', n);
      expect(text.match(/\{1,(\d+)\}/g)).toEqual([`{1,${n}}`]);
      expect(text).not.toContain('$maxHops');
    }
    for (const bad of [0, MAX_HOPS + 1, 2.5, Number.NaN]) expect(() => pathQueryName('shortest', 'down', bad)).toThrow(RangeError);
  });

  it('walks edges in the direction asked', () => {
    expect(pathQueryText('shortest', 'down', 3)).toContain(']->()');
    expect(pathQueryText('shortest', 'up', 3)).toContain('()<-[r:OWNS|CONTROLS');
    expect(pathQueryText('shortest', 'any', 3)).not.toMatch(/<-\[r|\]->/);
  });
});
