// /imports (API key): POST a file — the raw body with ?format=&dataset= and Content-Type
// application/x-ndjson, application/json or text/csv (gzip allowed) — or a JSON envelope
// {format, dataset, files: {name: content}} for several files (a nodes.csv + edges.csv pair, BODS
// statements over several files). The upload is streamed to a temporary directory under a size limit,
// then imported as a job: the answer is the finished job with its report (200), or, after `wait`
// seconds, the running job (202, Location) to poll with GET /imports/:id.
//
// Mounted before the app's JSON body parser (whose 1 MB limit is for queries, not data files).
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { CsvError } from 'csv-parse';
import { Router, type Request } from 'express';
import type { Database } from '../../db/database.js';
import { InternalError, NotFoundError, PayloadTooLargeError, ValidationError } from '../../errors.js';
import { describeFiles } from '../../services/import/input.js';
import { ImportJobs, type ImportJobView } from '../../services/import/jobs.js';
import { ImportService } from '../../services/import/service.js';
import { ImportInputError, type ImportFormat } from '../../services/import/types.js';
import { ImportEnvelope, ImportQuery, JobParams } from '../schemas/imports.js';
import { toAppError } from '../error-handler.js';
import { parseInput } from '../validate.js';
import { requireApiKey } from '../write-auth.js';

export const DEFAULT_IMPORT_MAX_BYTES = 100 * 1024 * 1024;

const RAW_TYPES: Record<string, string> = {
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/json': 'json',
  'text/csv': 'csv',
};

export interface ImportRouteDeps {
  db: Database;
  apiKey: string | undefined;
  /** Largest upload accepted, after gzip decompression. */
  maxBytes?: number;
  service?: ImportService;
  /** Where a failed job's raw error is logged (its client-facing `error` is only the problem's detail). */
  logFailure?: (err: unknown, jobId: string) => void;
}

async function saveBody(req: Request, file: string, maxBytes: number): Promise<void> {
  const declared = Number(req.headers['content-length']);
  const tooLarge = () => new PayloadTooLargeError(`The upload is larger than the limit of ${maxBytes} bytes`);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const encoding = String(req.headers['content-encoding'] ?? 'identity').toLowerCase();
  if (encoding !== 'identity' && encoding !== 'gzip') {
    throw new ValidationError([{ path: 'headers.content-encoding', message: 'only gzip or no encoding' }]);
  }
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _enc, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? tooLarge() : null, bytes > maxBytes ? undefined : chunk);
    },
  });
  const out = createWriteStream(file);
  try {
    if (encoding === 'gzip') await pipeline(req, createGunzip(), limit, out);
    else await pipeline(req, limit, out);
  } catch (err) {
    if ((err as { code?: string }).code === 'Z_DATA_ERROR') throw new ValidationError([{ path: 'body', message: 'is not valid gzip' }]);
    throw err;
  }
}

function mediaType(req: Request): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
}

/** A job that failed quickly answers with the problem it failed with, not with a job. */
function problemOf(err: unknown): unknown {
  if (err instanceof ImportInputError) return new ValidationError([{ path: 'body', message: err.message }]);
  // A file the CSV parser cannot read at all (a stray or unclosed quote): the upload is at fault, not us.
  if (err instanceof CsvError) return new ValidationError([{ path: 'body', message: `is not readable as CSV: ${err.message}` }]);
  return err;
}

/**
 * A failed job's `error` as a client may see it: the same words its problem document would carry, and for
 * anything unexpected only a pointer to the log — never a driver message, a stack or a temporary path.
 */
export function failureText(err: unknown, jobId: string): string {
  const problem = toAppError(problemOf(err));
  if (problem instanceof InternalError) return `${problem.title}: the import stopped unexpectedly; the server log has the details (job ${jobId})`;
  const fields = problem instanceof ValidationError ? problem.errors.map((e) => `${e.path} ${e.message}`).join('; ') : '';
  return `${problem.title}: ${fields || problem.message}`;
}

export function importRoutes({ db, apiKey, maxBytes = DEFAULT_IMPORT_MAX_BYTES, service = new ImportService(db), logFailure }: ImportRouteDeps): Router {
  const jobs = new ImportJobs((err, jobId) => {
    logFailure?.(err, jobId);
    return failureText(err, jobId);
  });
  const router = Router();
  router.use(requireApiKey(apiKey));

  router.post('/', async (req, res) => {
    const query = parseInput(ImportQuery, req.query, 'query');
    const dir = await mkdtemp(path.join(os.tmpdir(), 'oe-import-'));
    let cleanup: () => Promise<void> = () => rm(dir, { recursive: true, force: true });
    try {
      const type = mediaType(req);
      let format: ImportFormat;
      let dataset: string;
      const files: string[] = [];
      const names: string[] = [];
      if (query.format) {
        const ext = RAW_TYPES[type];
        if (!ext) throw new ValidationError([{ path: 'headers.content-type', message: `must be one of ${Object.keys(RAW_TYPES).join(', ')}` }]);
        const file = path.join(dir, `upload.${ext}`);
        await saveBody(req, file, maxBytes);
        format = query.format;
        dataset = query.dataset ?? 'upload';
        files.push(file);
        names.push(`upload.${ext}`);
      } else {
        if (type !== 'application/json') {
          throw new ValidationError([{ path: 'query.format', message: 'required unless the body is a JSON envelope {format, dataset, files}' }]);
        }
        const file = path.join(dir, 'request.json');
        await saveBody(req, file, maxBytes);
        let json: unknown;
        try {
          json = JSON.parse(await readFile(file, 'utf8'));
        } catch {
          throw new ValidationError([{ path: 'body', message: 'is not valid JSON' }]);
        }
        await rm(file);
        const envelope = parseInput(ImportEnvelope, json, 'body');
        format = envelope.format;
        dataset = envelope.dataset ?? query.dataset ?? 'upload';
        for (const [name, content] of Object.entries(envelope.files)) {
          const target = path.join(dir, name);
          await writeFile(target, content);
          files.push(target);
          names.push(name);
        }
      }
      const input = await describeFiles(files, names);
      const view = jobs.submit({
        format,
        dataset,
        files: names,
        run: (onProgress) => service.importInput(format, input, dataset, { onProgress }),
        cleanup,
      });
      cleanup = async () => {}; // the job owns the files now
      await jobs.wait(view.id, query.wait * 1000);
      const now = jobs.get(view.id) as ImportJobView;
      if (now.status === 'failed') throw problemOf(jobs.failure(view.id));
      if (now.status === 'queued' || now.status === 'running') {
        res.status(202).location(`${req.baseUrl}/${now.id}`).json(now);
        return;
      }
      res.status(200).location(`${req.baseUrl}/${now.id}`).json(now);
    } finally {
      await cleanup();
    }
  });

  router.get('/', (_req, res) => {
    res.json({ jobs: jobs.list().map(({ report, ...job }) => ({ ...job, summary: report ? { read: report.read, created: report.created, updated: report.updated, unchanged: report.unchanged, rejected: report.rejected } : null })) });
  });

  router.get('/:id', (req, res) => {
    const { id } = parseInput(JobParams, req.params, 'params');
    const job = jobs.get(id);
    if (!job) throw new NotFoundError(`No import job '${id}' (jobs are kept in memory until the server restarts)`);
    res.json(job);
  });

  return router;
}
