// The report every import returns: what was read, what it became in the graph, and each record that
// was rejected or skipped with the reason, by file and line. `read` = `records` + `merged` + `skipped` +
// `rejected`, so every source record is accounted for exactly once.
import { addCounts, ITEM_KINDS, zeroCounts, type CountsByKind } from '../../db/repos/import-writer.js';
import type { ImportFormat, Where } from './types.js';

export interface Rejection {
  file: string;
  line: number;
  id: string | null;
  reason: string;
}

export interface Warning {
  file: string;
  line: number;
  id: string | null;
  message: string;
}

export interface ExposureOutcome {
  /** True when at least one materialised list was brought up to date. */
  refreshed: boolean;
  /** Entities whose inputs changed (the refresh also covers everything downstream of them). */
  entities: number;
  note: string;
  /** Lists refreshed, and lists left for the next recompute with why (absent when nothing ran). */
  lists?: string[];
  skipped?: { list: string; reason: string }[];
}

export interface ImportReport {
  runId: string;
  format: ImportFormat;
  dataset: string;
  files: string[];
  fileHash: string;
  /** 'aborted': stopped before the end (the run resumes from its checkpoint when started again). */
  status: 'completed' | 'aborted';
  /** Batches found already written by an earlier, interrupted run of the same files. */
  resumedAfterBatch: number | null;
  read: number;
  /** Source records that became graph items. */
  records: number;
  /** Source records folded into another (earlier statements of an updated BODS record). */
  merged: number;
  skipped: number;
  rejected: number;
  /** Totals over every kind of item (entities, edges, decisions, lists). */
  created: number;
  updated: number;
  unchanged: number;
  byKind: CountsByKind;
  skippedReasons: Record<string, number>;
  rejections: Rejection[];
  /** Rejections beyond the report's limit (counted in `rejected`, not listed). */
  rejectionsNotListed: number;
  warnings: Warning[];
  warningsTotal: number;
  batches: number;
  ms: number;
  recordsPerSecond: number;
  exposure: ExposureOutcome;
}

export class ReportBuilder {
  read = 0;
  records = 0;
  merged = 0;
  skipped = 0;
  rejected = 0;
  counts: CountsByKind = zeroCounts();
  private readonly skippedReasons = new Map<string, number>();
  private readonly rejections: Rejection[] = [];
  private readonly warnings: Warning[] = [];
  private warningsTotal = 0;

  constructor(
    private readonly limits: { rejections: number; warnings: number } = { rejections: 10_000, warnings: 1_000 },
  ) {}

  reject(at: Where, reason: string): void {
    this.read += 1;
    this.rejected += 1;
    if (this.rejections.length < this.limits.rejections) this.rejections.push({ file: at.file, line: at.line, id: at.id, reason });
  }

  skip(reason: string): void {
    this.read += 1;
    this.skipped += 1;
    // Reasons that name records (e.g. "refers to X …") are grouped by their general form.
    const key = reason.replace(/refers to .*, which is not imported/, 'refers to a record that is not imported');
    this.skippedReasons.set(key, (this.skippedReasons.get(key) ?? 0) + 1);
  }

  merge(): void {
    this.read += 1;
    this.merged += 1;
  }

  record(): void {
    this.read += 1;
    this.records += 1;
  }

  warn(at: Where, message: string): void {
    this.warningsTotal += 1;
    if (this.warnings.length < this.limits.warnings) this.warnings.push({ file: at.file, line: at.line, id: at.id, message });
  }

  add(counts: CountsByKind): void {
    this.counts = addCounts(this.counts, counts);
  }

  build(head: Pick<ImportReport, 'runId' | 'format' | 'dataset' | 'files' | 'fileHash' | 'status' | 'resumedAfterBatch' | 'batches' | 'ms' | 'exposure'>): ImportReport {
    const sum = (k: 'created' | 'updated' | 'unchanged') => ITEM_KINDS.reduce((n, kind) => n + this.counts[kind][k], 0);
    // In file and line order: reference checks happen per batch, after the reader's own checks.
    const order = (a: { file: string; line: number }, b: { file: string; line: number }) =>
      head.files.indexOf(a.file) - head.files.indexOf(b.file) || a.line - b.line;
    return {
      ...head,
      read: this.read,
      records: this.records,
      merged: this.merged,
      skipped: this.skipped,
      rejected: this.rejected,
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      byKind: this.counts,
      skippedReasons: Object.fromEntries([...this.skippedReasons].sort((a, b) => b[1] - a[1])),
      rejections: [...this.rejections].sort(order),
      rejectionsNotListed: this.rejected - this.rejections.length,
      warnings: [...this.warnings].sort(order),
      warningsTotal: this.warningsTotal,
      recordsPerSecond: head.ms > 0 ? Math.round((this.read / head.ms) * 1000) : 0,
    };
  }
}
