// Request and response shapes of /imports, as zod (meta ids for the OpenAPI document).
import { z } from 'zod';
import { DATASET_PATTERN, DATASET_RULE } from '../../services/import/ids.js';
import { IMPORT_FORMATS } from '../../services/import/types.js';

export const Format = z.enum(IMPORT_FORMATS).meta({ description: 'ftm (FollowTheMoney JSON lines), bods (BODS 0.2–0.4), csv (nodes.csv + edges.csv), gleif (Level 2 relationship records)' });
export const Dataset = z.string().regex(DATASET_PATTERN, DATASET_RULE).meta({ description: 'Prefix of every id the import creates, and its provenance (default "upload")' });

export const ImportQuery = z.strictObject({
  format: Format.optional().meta({ description: 'With a format, the request body is the file itself; without, a JSON envelope' }),
  dataset: Dataset.optional(),
  wait: z.coerce.number().min(0).max(300).default(30).meta({ description: 'Seconds to wait for the import before answering 202 with a job to poll' }),
});

/** File names in an envelope: plain names only, since they become files in a temporary directory. */
const FileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/, 'a plain file name (letters, digits, . _ -)');

export const ImportEnvelope = z
  .strictObject({
    format: Format,
    dataset: Dataset.optional(),
    files: z
      .record(FileName, z.string())
      .refine((f) => Object.keys(f).length >= 1 && Object.keys(f).length <= 50, 'between 1 and 50 files')
      .meta({ description: 'File name → content, e.g. {"nodes.csv": "...", "edges.csv": "..."} or several BODS files' }),
  })
  .meta({ id: 'ImportRequest' });

export const JobParams = z.strictObject({ id: z.string().uuid() });

const Counts = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
const Located = { file: z.string(), line: z.number().int(), id: z.string().nullable() };

export const ImportReportSchema = z
  .object({
    runId: z.string(),
    format: Format,
    dataset: z.string(),
    files: z.array(z.string()),
    fileHash: z.string(),
    status: z.enum(['completed', 'aborted']),
    resumedAfterBatch: z.number().int().nullable(),
    read: z.number().int(),
    records: z.number().int(),
    merged: z.number().int(),
    skipped: z.number().int(),
    rejected: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    byKind: z.object({ lists: Counts, entities: Counts, owns: Counts, controls: Counts, decisions: Counts }),
    skippedReasons: z.record(z.string(), z.number().int()),
    rejections: z.array(z.object({ ...Located, reason: z.string() })),
    rejectionsNotListed: z.number().int(),
    warnings: z.array(z.object({ ...Located, message: z.string() })),
    warningsTotal: z.number().int(),
    batches: z.number().int(),
    ms: z.number().int(),
    recordsPerSecond: z.number(),
    exposure: z.object({
      refreshed: z.boolean(),
      entities: z.number().int(),
      note: z.string(),
      lists: z.array(z.string()).optional(),
      skipped: z.array(z.object({ list: z.string(), reason: z.string() })).optional(),
    }),
  })
  .meta({ id: 'ImportReport' });

export const ImportJobSchema = z
  .object({
    id: z.string(),
    status: z.enum(['queued', 'running', 'completed', 'aborted', 'failed']),
    format: Format,
    dataset: z.string(),
    files: z.array(z.string()),
    submittedAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    progress: z
      .object({
        phase: z.enum(['reading', 'refreshing-exposure', 'done']),
        percent: z.number(),
        bytesRead: z.number(),
        bytesTotal: z.number(),
        read: z.number().int(),
        rejected: z.number().int(),
        skipped: z.number().int(),
        batches: z.number().int(),
        resumedAfterBatch: z.number().int().nullable(),
      })
      .nullable(),
    report: ImportReportSchema.nullable(),
    error: z.string().nullable(),
  })
  .meta({ id: 'ImportJob' });
