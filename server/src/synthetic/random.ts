// Seeded randomness for the synthetic graph. Every entity draws from its own small generator, seeded by
// hashing (seed, stream, entity index): any entity's facts can be recomputed on their own, in any order,
// which is what lets the loader skip batches that are already written and still produce the same graph,
// and lets a benchmark ask for an entity's owner chain without generating the whole graph.

/** mulberry32 (Tommy Ettinger's 32-bit generator): tiny, fast and good enough for test data. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The murmur3 32-bit finaliser: spreads nearby inputs (entity i and i + 1) over the whole range. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Separate streams per purpose, so adding a draw to one never shifts another (the parent chain stays put). */
export const STREAMS = { parent: 1, edges: 2, entity: 3, listing: 4, name: 5 } as const;
export type Stream = keyof typeof STREAMS;

export class Rng {
  private readonly next: () => number;

  constructor(seed: number, stream: Stream, index: number) {
    this.next = mulberry32(mix(mix(seed ^ Math.imul(STREAMS[stream], 0x9e3779b9)) ^ index));
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next();
  }

  /** Uniform integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(xs: readonly T[]): T {
    return xs[this.int(xs.length)]!;
  }

  /**
   * An index in [0, n) skewed towards 0: P(index < x) = (x / n)^(1 / skew). With skew 2.5 the first 1% of
   * a level receive ~16% of the draws and the in-degree falls off as a power of the rank (Zipf-like fan-out:
   * a few holding companies own thousands of subsidiaries, most own one or two).
   */
  powerLaw(n: number, skew = 2.5): number {
    return Math.min(n - 1, Math.floor(n * Math.pow(this.next(), skew)));
  }
}
