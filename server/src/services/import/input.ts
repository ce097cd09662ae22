// What an import reads: one file, or every data file of a directory (BODS statements spread over
// several files, a nodes.csv + edges.csv pair). The content hash names the run, so a rerun of the
// same files finds its checkpoint and a changed file starts afresh.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { ImportInputError, type ImportFormat, type ImportInput } from './types.js';

const EXTENSIONS: Record<ImportFormat, RegExp> = {
  ftm: /\.(jsonl|ndjson|json|ftm)$/i,
  bods: /\.(jsonl|ndjson|json)$/i,
  csv: /\.csv$/i,
  gleif: /\.(csv|jsonl|ndjson|json)$/i,
};

export interface ResolvedInput extends ImportInput {
  bytes: number;
  hash: string;
}

export async function resolveInput(format: ImportFormat, target: string): Promise<ResolvedInput> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new ImportInputError(`${target}: no such file or directory`);
  }
  let files: string[];
  let names: string[];
  if (info.isDirectory()) {
    const entries = (await readdir(target)).filter((f) => EXTENSIONS[format].test(f) && !f.startsWith('.')).sort(byRole(format));
    if (entries.length === 0) throw new ImportInputError(`${target}: no ${format} files (${EXTENSIONS[format].source}) in this directory`);
    files = entries.map((f) => path.join(target, f));
    names = entries;
  } else {
    files = [target];
    names = [path.basename(target)];
  }
  return describeFiles(files, names);
}

/** Hash and size of files already chosen (the HTTP route writes uploads to a temporary directory). */
export async function describeFiles(files: string[], names: string[]): Promise<ResolvedInput> {
  const hash = createHash('sha256');
  let bytes = 0;
  for (const [i, file] of files.entries()) {
    hash.update(`${names[i]}\0`);
    for await (const chunk of createReadStream(file)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
    hash.update('\0');
  }
  return { files, names, bytes, hash: hash.digest('hex') };
}

/** nodes.csv before edges.csv; otherwise by name, so the order (and the batches) never vary. */
function byRole(format: ImportFormat) {
  const rank = (f: string) => (format === 'csv' ? (/nodes/i.test(f) ? 0 : /edges/i.test(f) ? 2 : 1) : 0);
  return (a: string, b: string) => rank(a) - rank(b) || a.localeCompare(b);
}
