// Streams the JSON values of a file, whatever its shape: JSON lines (FtM, BODS), one JSON array
// (BODS packages) read element by element without holding the file, or — for small files only — a
// single document whose `data` array holds the records (a GLEIF API page). Each value comes with the
// line it starts on, so a report can name it; a line that is not JSON is an error item, not a crash.
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { ImportInputError } from './types.js';

export type JsonItem = { line: number; value: unknown } | { line: number; error: string };

const MAX_WHOLE_DOCUMENT = 64 * 1024 * 1024;

export async function* jsonValues(file: string, onBytes: (n: number) => void = () => {}): AsyncGenerator<JsonItem> {
  const first = await firstSignificantChar(file);
  if (first === null) return;
  if (first === '[') {
    yield* arrayElements(file, onBytes);
    return;
  }
  let lineNo = 0;
  let sawValue = false;
  const stream = createReadStream(file, { encoding: 'utf8' });
  stream.on('data', (chunk) => onBytes(Buffer.byteLength(chunk as string)));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  try {
    for await (const raw of lines) {
      lineNo += 1;
      const text = lineNo === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (text.trim().length === 0) continue;
      try {
        yield { line: lineNo, value: JSON.parse(text) };
        sawValue = true;
      } catch (err) {
        // A pretty-printed document is not JSON lines: its first line alone ('{') does not parse.
        if (!sawValue && text.trim() === '{') {
          lines.close();
          stream.destroy();
          yield* wholeDocument(file);
          return;
        }
        yield { line: lineNo, error: `not valid JSON (${(err as Error).message})` };
      }
    }
  } finally {
    lines.close();
    stream.destroy();
  }
}

async function firstSignificantChar(file: string): Promise<string | null> {
  const handle = await open(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    let pos = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, 0, buf.length, pos);
      if (bytesRead === 0) return null;
      const text = buf.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '');
      const m = /\S/.exec(text);
      if (m) return m[0];
      pos += bytesRead;
    }
  } finally {
    await handle.close();
  }
}

async function* wholeDocument(file: string): AsyncGenerator<JsonItem> {
  const { size } = await stat(file);
  if (size > MAX_WHOLE_DOCUMENT) {
    throw new ImportInputError(`${file}: a single JSON document over ${MAX_WHOLE_DOCUMENT >> 20} MB; give JSON lines or a JSON array`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse((await readFile(file, 'utf8')).replace(/^\uFEFF/, ''));
  } catch (err) {
    yield { line: 1, error: `not valid JSON (${(err as Error).message})` };
    return;
  }
  const data = (doc as { data?: unknown })?.data;
  if (Array.isArray(data)) {
    for (const [i, value] of data.entries()) yield { line: i + 1, value };
  } else {
    yield { line: 1, value: doc };
  }
}

/**
 * Elements of a top-level JSON array, one at a time: a small scanner tracks strings, escapes and
 * nesting depth, cuts each element's text out of the chunks and JSON.parses it alone.
 */
async function* arrayElements(file: string, onBytes: (n: number) => void): AsyncGenerator<JsonItem> {
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 });
  let state = 'before' as 'before' | 'between' | 'in' | 'done';
  let depth = 0;
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let startLine = 0;
  let line = 1;
  let index = 0;
  const finish = (text: string): JsonItem => {
    index += 1;
    try {
      return { line: startLine, value: JSON.parse(text) };
    } catch (err) {
      return { line: startLine, error: `array element ${index} is not valid JSON (${(err as Error).message})` };
    }
  };
  try {
    for await (const chunk of stream) {
      const text = chunk as string;
      onBytes(Buffer.byteLength(text));
      let start = state === 'in' ? 0 : -1;
      const out: JsonItem[] = [];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10) line += 1;
        if (state === 'in') {
          if (inString) {
            if (escaped) escaped = false;
            else if (c === 92) escaped = true; // backslash
            else if (c === 34) inString = false; // quote
            continue;
          }
          if (c === 34) inString = true;
          else if (c === 123 || c === 91) depth += 1; // { [
          else if (c === 125 || c === 93) {
            // } ]
            if (depth === 0) {
              // the array's own closing bracket right after a primitive element
              parts.push(text.slice(start, i));
              out.push(finish(parts.join('').trim()));
              parts = [];
              state = 'done';
              continue;
            }
            depth -= 1;
          } else if (c === 44 && depth === 0) {
            // a comma ends a primitive element
            parts.push(text.slice(start, i));
            out.push(finish(parts.join('').trim()));
            parts = [];
            state = 'between';
            continue;
          }
          if (depth === 0 && (c === 125 || c === 93)) {
            parts.push(text.slice(start, i + 1));
            out.push(finish(parts.join('')));
            parts = [];
            state = 'between';
          }
          continue;
        }
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) continue;
        if (state === 'before') {
          if (c !== 91) throw new ImportInputError(`${file}: expected a JSON array`);
          state = 'between';
        } else if (state === 'between') {
          if (c === 44) continue;
          if (c === 93) {
            state = 'done';
            continue;
          }
          state = 'in';
          start = i;
          startLine = line;
          depth = 0;
          inString = false;
          escaped = false;
          if (c === 34) inString = true;
          else if (c === 123 || c === 91) depth = 1;
        } else if (state === 'done') {
          throw new ImportInputError(`${file}: unexpected text after the closing bracket of the JSON array (line ${line})`);
        }
      }
      if (state === 'in') parts.push(text.slice(start));
      yield* out;
    }
    if (state === 'in' || state === 'between') {
      yield { line, error: 'the JSON array is cut off (no closing bracket): the file is truncated' };
    }
  } finally {
    stream.destroy();
  }
}
