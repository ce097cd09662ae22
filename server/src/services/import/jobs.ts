// Imports submitted over HTTP run as jobs, one at a time in submission order (concurrent imports would
// contend for the same locks), with progress a client can poll. Jobs live in this process's memory:
// the last MAX_KEPT finished ones are kept. A job interrupted by a restart is not lost data — its run's
// checkpoint is in the graph, and submitting the same files again resumes it.
import { randomUUID } from 'node:crypto';
import type { ImportProgress } from './pipeline.js';
import type { ImportReport } from './report.js';
import type { ImportFormat } from './types.js';

const MAX_KEPT = 50;

export interface ImportJobView {
  id: string;
  status: 'queued' | 'running' | 'completed' | 'aborted' | 'failed';
  format: ImportFormat;
  dataset: string;
  files: string[];
  submittedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  progress: (ImportProgress & { percent: number }) | null;
  report: ImportReport | null;
  error: string | null;
}

export interface JobSpec {
  format: ImportFormat;
  dataset: string;
  files: string[];
  run(onProgress: (p: ImportProgress) => void): Promise<ImportReport>;
  /** Always called once the job is over (temporary upload files). */
  cleanup(): Promise<void>;
}

interface Job {
  view: ImportJobView;
  failure: unknown;
  done: Promise<void>;
}

/** What a client may read about a failure; the raw error (driver messages, file paths) goes to the log only. */
export type DescribeFailure = (err: unknown, jobId: string) => string;

const opaque: DescribeFailure = (_err, jobId) => `The import stopped on an unexpected error; the server log has the details (job ${jobId})`;

export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly describe: DescribeFailure = opaque) {}

  submit(spec: JobSpec): ImportJobView {
    const view: ImportJobView = {
      id: randomUUID(),
      status: 'queued',
      format: spec.format,
      dataset: spec.dataset,
      files: spec.files,
      submittedAt: new Date().toISOString(),
      startedAt: null,
      finishedAt: null,
      progress: null,
      report: null,
      error: null,
    };
    const job: Job = { view, failure: null, done: Promise.resolve() };
    job.done = this.tail = this.tail.then(() => this.execute(job, spec));
    this.jobs.set(view.id, job);
    this.prune();
    return view;
  }

  get(id: string): ImportJobView | undefined {
    return this.jobs.get(id)?.view;
  }

  /** The error a failed job ended with (the route turns it into a problem document). */
  failure(id: string): unknown {
    return this.jobs.get(id)?.failure ?? null;
  }

  list(): ImportJobView[] {
    return [...this.jobs.values()].map((j) => j.view).reverse();
  }

  /** Resolves when the job is over or after `ms`, whichever comes first. */
  async wait(id: string, ms: number): Promise<void> {
    const job = this.jobs.get(id);
    if (!job || ms <= 0) return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([job.done, new Promise<void>((r) => (timer = setTimeout(r, ms)))]);
    clearTimeout(timer);
  }

  private async execute(job: Job, spec: JobSpec): Promise<void> {
    const v = job.view;
    v.status = 'running';
    v.startedAt = new Date().toISOString();
    try {
      const report = await spec.run((p) => {
        v.progress = { ...p, percent: p.bytesTotal > 0 ? Math.min(100, Math.round((p.bytesRead / p.bytesTotal) * 100)) : 0 };
      });
      v.report = report;
      v.status = report.status;
    } catch (err) {
      v.status = 'failed';
      v.error = this.describe(err, v.id);
      job.failure = err;
    } finally {
      v.finishedAt = new Date().toISOString();
      await spec.cleanup().catch(() => {});
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.view.finishedAt !== null);
    for (const j of finished.slice(0, Math.max(0, finished.length - MAX_KEPT))) this.jobs.delete(j.view.id);
  }
}
