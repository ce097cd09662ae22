// Latency summaries: nearest-rank percentiles over the measured values (ms).
export interface Latency {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const round = (x: number): number => Math.round(x * 10) / 10;

export function summarise(values: number[]): Latency {
  const sorted = [...values].sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { count: sorted.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), p99: round(percentile(sorted, 99)), mean: round(mean), max: round(sorted[sorted.length - 1] ?? NaN) };
}

export const msSince = (t0: number): number => Math.round(performance.now() - t0);
