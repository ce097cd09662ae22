// Stable, URL-safe ids for imported records: `<format>-<dataset>-<source id>`. The same source id in
// the same dataset always gives the same id (so a second import finds and updates, never duplicates),
// and two different source ids never give the same one: when making the id URL-safe loses information
// (upper case, punctuation, length), a short hash of the original is appended.
import { createHash } from 'node:crypto';
import type { ImportFormat } from './types.js';

export const DATASET_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const DATASET_RULE = 'lower-case letters, digits and hyphens, 1–40 characters, not starting or ending with a hyphen';

const MAX_SLUG = 80;

export function shortHash(text: string, length = 8): string {
  return createHash('sha1').update(text).digest('hex').slice(0, length);
}

/** Lower-case letters, digits and single hyphens; a hash suffix when that changed or truncated the text. */
export function slug(text: string): string {
  const base = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (base === text && base.length <= MAX_SLUG && base.length > 0) return base;
  const kept = base.slice(0, MAX_SLUG - 9).replace(/-+$/, '');
  return kept.length > 0 ? `${kept}-${shortHash(text)}` : shortHash(text);
}

/** A dataset name made from a file name, e.g. `OpenSanctions default.json` → `opensanctions-default`. */
export function datasetFromName(fileName: string): string {
  const stem = fileName.replace(/\.(jsonl|ndjson|json|csv|ftm|txt)$/gi, '').replace(/\.(ftm|bods)$/i, '');
  const cleaned = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return cleaned.length > 0 ? cleaned : 'import';
}

export class IdMaker {
  readonly prefix: string;
  constructor(
    readonly format: ImportFormat,
    readonly dataset: string,
  ) {
    this.prefix = `${format}-${dataset}-`;
  }

  /** The graph id for a source record id. */
  id(sourceId: string): string {
    return this.prefix + slug(sourceId);
  }

  /** The id of the Source node every item of this dataset points to. */
  get sourceId(): string {
    return `${this.format}-${this.dataset}`;
  }

  /** Lists the import had to create (an authority that is none of the built-in regimes). */
  listId(name: string): string {
    return `${this.prefix}list-${slug(name)}`;
  }
}
