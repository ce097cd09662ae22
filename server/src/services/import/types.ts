// The contract between the per-format readers and the one import pipeline. A reader turns the records
// of its files into graph items (domain objects) or says why it cannot; the pipeline batches, checks
// references, upserts, checkpoints and reports. Readers emit every entity before any edge or decision,
// so an edge whose end is neither in the file nor in the database is a true unknown reference.
import type { ControlEdge, Entity, ListingDecision, OwnershipEdge } from '../../domain/model.js';
import type { Regime } from '../../domain/exposure/regime.js';

export const IMPORT_FORMATS = ['ftm', 'bods', 'csv', 'gleif'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Where a source record is: file name (relative to the import), 1-based line, and its own id if it has one. */
export interface Where {
  file: string;
  line: number;
  id: string | null;
}

export type GraphItem =
  | { kind: 'entity'; entity: Entity }
  | { kind: 'owns'; edge: OwnershipEdge }
  | { kind: 'controls'; edge: ControlEdge }
  /** `list` travels with the first decision on a list the reader had to create (a new authority). */
  | { kind: 'decision'; decision: ListingDecision; list?: Regime };

export type ReaderEvent =
  /** One source record that became graph items (several for a sanction with an end date or a BODS record). */
  | { type: 'record'; at: Where; items: GraphItem[]; warnings?: string[] }
  /** Invalid: nothing was imported from it. `entityId` names the entity it would have been. */
  | { type: 'reject'; at: Where; reason: string; entityId?: string }
  /** Valid but outside what we import (a Vessel, a family tie). `entityId` as for reject. */
  | { type: 'skip'; at: Where; reason: string; entityId?: string }
  /** Folded into another record (an earlier BODS statement of a record that was updated later). */
  | { type: 'merged'; at: Where; into: string }
  | { type: 'warn'; at: Where; message: string };

export interface ImportInput {
  /** Absolute paths of the files, in the order they are read. */
  files: string[];
  /** How the files are named in reports (relative to what the user gave). */
  names: string[];
}

export interface ReaderContext {
  format: ImportFormat;
  dataset: string;
  /** Adds bytes read to the progress (readers call it as they stream). */
  onBytes(n: number): void;
}

export interface ImportReader {
  /** How many times the reader streams the input: progress is bytes read / (total bytes × passes). */
  readonly passes: number;
  events(input: ImportInput, ctx: ReaderContext): AsyncIterable<ReaderEvent>;
}

/** A fault in the input as a whole (no nodes.csv header, an unreadable directory): nothing is imported. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}
