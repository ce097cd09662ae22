// Import runs as (:ImportRun) nodes: the checkpoint a killed import resumes from, and who owns a run.
import type { Database } from '../database.js';
import type { CountsByKind } from './import-writer.js';

export interface StoredRun {
  id: string;
  status: 'running' | 'completed' | 'failed';
  owner: string;
  heartbeat: string | null;
  batchSize: number;
  lastBatch: number;
  counts: CountsByKind | null;
}

export interface RunStart {
  owner: string;
  format: string;
  dataset: string;
  fileHash: string;
  files: string[];
  batchSize: number;
  lastBatch: number;
  counts: CountsByKind;
  fresh: boolean;
}

export class ImportRunRepo {
  constructor(private readonly db: Database) {}

  async get(id: string): Promise<StoredRun | null> {
    const [row] = await this.db.write('import/run-get', { id });
    const run = row?.run as Record<string, unknown> | undefined;
    if (!run) return null;
    let counts: CountsByKind | null = null;
    try {
      counts = typeof run.counts === 'string' && run.counts ? (JSON.parse(run.counts) as CountsByKind) : null;
    } catch {
      counts = null;
    }
    return {
      id,
      status: run.status === 'completed' || run.status === 'failed' ? run.status : 'running',
      owner: String(run.owner ?? ''),
      heartbeat: typeof run.heartbeat === 'string' ? run.heartbeat : null,
      batchSize: Number(run.batchSize ?? 0),
      lastBatch: Number(run.lastBatch ?? 0),
      counts,
    };
  }

  async start(id: string, run: RunStart): Promise<void> {
    const { fresh, counts, ...rest } = run;
    await this.db.write('import/run-start', {
      id,
      props: {
        ...rest,
        counts: JSON.stringify(counts),
        status: 'running',
        heartbeat: new Date().toISOString(),
        ...(fresh ? { startedAt: new Date().toISOString(), finishedAt: null, summary: null } : {}),
      },
    });
  }

  async finish(id: string, owner: string, status: 'completed' | 'failed', summary: unknown): Promise<void> {
    await this.db.write('import/run-finish', {
      id,
      owner,
      props: { status, finishedAt: new Date().toISOString(), summary: JSON.stringify(summary) },
    });
  }
}
