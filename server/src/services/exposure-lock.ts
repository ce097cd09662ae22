// One writer of materialised exposure at a time in this process: a full recompute and incremental
// refreshes queue behind each other, so a refresh never interleaves with a list being replaced.
// (Across processes, recomputeExposure re-runs when the graph changed while it computed.)
let tail: Promise<unknown> = Promise.resolve();

export function serialiseExposureWrites<T>(work: () => Promise<T>): Promise<T> {
  const run = tail.then(work, work);
  tail = run.catch(() => undefined);
  return run;
}
