// The JSON reader behind FtM, BODS and GLEIF: JSON lines, arrays read element by element (across
// chunk boundaries, with brackets and quotes inside strings), and single JSON:API documents.
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { jsonValues, type JsonItem } from '../../../server/src/services/import/json-stream.js';

async function read(text: string): Promise<JsonItem[]> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-json-'));
  const file = path.join(dir, 'f.json');
  await writeFile(file, text);
  const out: JsonItem[] = [];
  for await (const item of jsonValues(file)) out.push(item);
  return out;
}

describe('jsonValues', () => {
  it('reads JSON lines, skipping blank lines and naming the line that is not JSON', async () => {
    const items = await read('\uFEFF{"a":1}\n\n{"a":2}\n{"a":\n[3]\n');
    expect(items).toEqual([
      { line: 1, value: { a: 1 } },
      { line: 3, value: { a: 2 } },
      { line: 4, error: expect.stringMatching(/^not valid JSON/) },
      { line: 5, value: [3] },
    ]);
  });

  it('streams the elements of a large array whatever falls on chunk boundaries', async () => {
    const tricky = { s: 'a ] } , [ { " \\ \n', nested: [[1, 2], { x: [] }], n: -1.5e3, t: true, z: null, cjk: '海康威视' };
    const elements = Array.from({ length: 20_000 }, (_, i) => ({ ...tricky, i }));
    const items = await read(`  [\n${elements.map((e) => JSON.stringify(e, null, 1)).join(' ,\n')}\n]  \n`);
    expect(items).toHaveLength(20_000);
    expect(items[12_345]).toEqual({ line: expect.any(Number), value: { ...tricky, i: 12_345 } });
    expect(items.every((x) => 'value' in x)).toBe(true);
  });

  it('reads primitive elements, an empty array, and reports a truncated one', async () => {
    expect(await read('[1, "two", null, [3]]')).toEqual([
      { line: 1, value: 1 },
      { line: 1, value: 'two' },
      { line: 1, value: null },
      { line: 1, value: [3] },
    ]);
    expect(await read('[ ]')).toEqual([]);
    expect(await read('[{"a":1},\n{"a":')).toEqual([{ line: 1, value: { a: 1 } }, { line: 2, error: expect.stringMatching(/truncated/) }]);
  });

  it('reads a pretty-printed JSON:API page as its data elements', async () => {
    const doc = { meta: { total: 2 }, data: [{ id: 'a' }, { id: 'b' }] };
    expect(await read(JSON.stringify(doc, null, 2))).toEqual([
      { line: 1, value: { id: 'a' } },
      { line: 2, value: { id: 'b' } },
    ]);
  });
});
