// The import use case, shared by `npm run import` and POST /api/v1/imports: validate the request, find
// the files, run the pipeline, and refresh exposure for what changed.
import type { Database } from '../../db/database.js';
import { ExposureGraphRepo } from '../../db/repos/exposure-graph.js';
import { ExposureStore } from '../../db/repos/exposure-store.js';
import { recomputeExposure } from '../exposure-recompute.js';
import { refreshExposure } from '../exposure-refresh.js';
import { DATASET_PATTERN, DATASET_RULE, datasetFromName } from './ids.js';
import { describeFiles, resolveInput, type ResolvedInput } from './input.js';
import { runImport, type ExposureRefresher, type PipelineOptions } from './pipeline.js';
import type { ImportReport } from './report.js';
import { IMPORT_FORMATS, ImportInputError, type ImportFormat } from './types.js';

export type ImportOptions = Omit<PipelineOptions, 'refreshExposure'>;

/**
 * When one full recompute is cheaper than an incremental refresh: a refresh reads each changed entity's
 * region with its own queries, a recompute reads the whole graph once in streams. Measured with
 * `npm run bench:import` (100k FtM records into a 100k graph): refreshing 45,000 new entities took 100 s,
 * a full recompute of the 145k-entity graph ~30 s. Below the floor, incremental always wins (and a small
 * import never rewrites every determination).
 */
export const FULL_RECOMPUTE_SHARE = 0.1;
export const FULL_RECOMPUTE_FLOOR = 5_000;

export function recomputesEverything(changed: number, graphEntities: number): boolean {
  return changed >= FULL_RECOMPUTE_FLOOR && changed >= FULL_RECOMPUTE_SHARE * graphEntities;
}

/**
 * The exposure engine's incremental refresh (services/exposure-refresh.ts) as the pipeline calls it, or a
 * full recompute when the import changed a large share of the graph. If it fails, the materialisation is
 * marked stale (as graph edits do) so the next recompute covers it.
 */
export function exposureRefresher(db: Database): ExposureRefresher {
  return async (change) => {
    try {
      const { entities } = await new ExposureGraphRepo(db).stamp();
      if (recomputesEverything(change.entities.length, entities)) {
        const report = await recomputeExposure(db);
        return { lists: report.lists.map((l) => ({ list: l.list })), skipped: report.skipped, mode: 'full-recompute' };
      }
      return await refreshExposure(db, change);
    } catch (err) {
      await new ExposureStore(db).invalidate().catch(() => {});
      throw err;
    }
  };
}

export function checkFormat(format: string): ImportFormat {
  if (!(IMPORT_FORMATS as readonly string[]).includes(format)) throw new ImportInputError(`unknown format '${format}' (one of ${IMPORT_FORMATS.join(', ')})`);
  return format as ImportFormat;
}

export function checkDataset(dataset: string): string {
  if (!DATASET_PATTERN.test(dataset)) throw new ImportInputError(`dataset '${dataset}': ${DATASET_RULE}`);
  return dataset;
}

export class ImportService {
  constructor(
    private readonly db: Database,
    private readonly refresher: ExposureRefresher | null = exposureRefresher(db),
  ) {}

  /** A file or a directory on disk (the command line). The dataset defaults to the file's name. */
  async importPath(format: ImportFormat, target: string, dataset: string | undefined, opts: ImportOptions = {}): Promise<ImportReport> {
    const input = await resolveInput(format, target);
    return this.importInput(format, input, checkDataset(dataset ?? datasetFromName(input.names[0] ?? 'import')), opts);
  }

  /** Files already on disk under names of the caller's choosing (uploads). */
  async importFiles(format: ImportFormat, files: string[], names: string[], dataset: string, opts: ImportOptions = {}): Promise<ImportReport> {
    return this.importInput(format, await describeFiles(files, names), checkDataset(dataset), opts);
  }

  async importInput(format: ImportFormat, input: ResolvedInput, dataset: string, opts: ImportOptions = {}): Promise<ImportReport> {
    return runImport(this.db, { format, dataset, input }, { ...opts, refreshExposure: this.refresher });
  }
}
