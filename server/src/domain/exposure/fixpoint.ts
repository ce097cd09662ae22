// Least fixed points by monotone worklist: an entity enters the set once, when the stakes held in it by
// members reach the threshold (or a member controls it, where control counts), and then passes its full
// stakes on. Each entity and each stake is visited at most once per pass, so a pass is linear in the
// snapshot, cycles terminate, and nothing outside the seeds' reach can enter: an entity never props itself up.
// Passes reuse their arrays; `reset` clears only what the previous run touched.
import { type Comparison, lowerMeets, upperMeets } from './interval.js';
import type { Snapshot } from './snapshot.js';

export interface PassConfig {
  /** Threshold in micro-percent. */
  threshold: number;
  cmp: Comparison;
  /** Use upper bounds (the possible set) instead of lower bounds (the certain set). */
  upper: boolean;
  /** Whether the rule propagates at all; if not, only seeds are members and aggregates are one step deep. */
  propagate: boolean;
  /** Whether a CONTROLS edge from a member makes the controlled entity a member. */
  control: boolean;
}

abstract class Pass {
  readonly inSet: Uint8Array;
  protected readonly mark: Uint8Array;
  protected readonly touched: Int32Array;
  protected nTouched = 0;
  protected readonly queue: Int32Array;

  constructor(n: number) {
    this.inSet = new Uint8Array(n);
    this.mark = new Uint8Array(n);
    this.touched = new Int32Array(n);
    this.queue = new Int32Array(n);
  }

  protected touch(v: number): void {
    if (this.mark[v] === 0) {
      this.mark[v] = 1;
      this.touched[this.nTouched++] = v;
    }
  }

  /** Entities the last run changed (members and entities that received a stake). */
  touchedCount(): number {
    return this.nTouched;
  }

  touchedAt(i: number): number {
    return this.touched[i]!;
  }

  reset(): void {
    for (let i = 0; i < this.nTouched; i++) this.clear(this.touched[i]!);
    this.nTouched = 0;
  }

  protected clear(v: number): void {
    this.mark[v] = 0;
    this.inSet[v] = 0;
  }
}

/** Downward: owned entities enter when members together hold the threshold. */
export class DownPass extends Pass {
  /** Sum of the stakes members hold in each entity (micro-percent), and whether that sum is an open bound. */
  readonly agg: Float64Array;
  readonly open: Uint8Array;

  constructor(n: number) {
    super(n);
    this.agg = new Float64Array(n);
    this.open = new Uint8Array(n);
  }

  protected override clear(v: number): void {
    super.clear(v);
    this.agg[v] = 0;
    this.open[v] = 0;
  }

  /** `mask`, when given, restricts the pass to entities with mask[v] === 1. */
  run(snap: Snapshot, seeds: ArrayLike<number>, cfg: PassConfig, mask: Uint8Array | null = null): this {
    this.reset();
    const { inSet, agg, open, queue } = this;
    const bound = cfg.upper ? snap.sHi : snap.sLo;
    const boundOpen = cfg.upper ? snap.sHiOpen : snap.sLoOpen;
    const meets = cfg.upper ? upperMeets : lowerMeets;
    const { outStart, outStake, sOwned, cOutStart, cOut } = snap;
    const controlled = snap.index.ctl.controlled;
    let head = 0;
    let tail = 0;
    for (let i = 0; i < seeds.length; i++) {
      const s = seeds[i]!;
      if (inSet[s] === 0 && (mask === null || mask[s] === 1)) {
        inSet[s] = 1;
        this.touch(s);
        queue[tail++] = s;
      }
    }
    while (head < tail) {
      const u = queue[head++]!;
      for (let p = outStart[u]!, e = outStart[u + 1]!; p < e; p++) {
        const k = outStake[p]!;
        const v = sOwned[k]!;
        if (mask !== null && mask[v] === 0) continue;
        this.touch(v);
        agg[v] = agg[v]! + bound[k]!;
        if (boundOpen[k] === 1) open[v] = 1;
        if (cfg.propagate && inSet[v] === 0 && meets(agg[v]!, open[v] === 1, cfg.threshold, cfg.cmp)) {
          inSet[v] = 1;
          queue[tail++] = v;
        }
      }
      if (cfg.propagate && cfg.control) {
        for (let p = cOutStart[u]!, e = cOutStart[u + 1]!; p < e; p++) {
          const v = controlled[cOut[p]!]!;
          if (inSet[v] === 1 || (mask !== null && mask[v] === 0)) continue;
          this.touch(v);
          inSet[v] = 1;
          queue[tail++] = v;
        }
      }
    }
    return this;
  }
}

/**
 * Upward (affiliate rules): an owner enters when one stake it holds in a member meets the threshold.
 * Stakes in different members are not summed: each is a separate affiliation.
 */
export class UpPass extends Pass {
  run(snap: Snapshot, seeds: ArrayLike<number>, cfg: PassConfig, mask: Uint8Array | null = null): this {
    this.reset();
    const { inSet, queue } = this;
    const bound = cfg.upper ? snap.sHi : snap.sLo;
    const boundOpen = cfg.upper ? snap.sHiOpen : snap.sLoOpen;
    const meets = cfg.upper ? upperMeets : lowerMeets;
    const { inStart, sOwner } = snap;
    let head = 0;
    let tail = 0;
    for (let i = 0; i < seeds.length; i++) {
      const s = seeds[i]!;
      if (inSet[s] === 0 && (mask === null || mask[s] === 1)) {
        inSet[s] = 1;
        this.touch(s);
        queue[tail++] = s;
      }
    }
    if (!cfg.propagate) return this;
    while (head < tail) {
      const u = queue[head++]!;
      for (let k = inStart[u]!, e = inStart[u + 1]!; k < e; k++) {
        const w = sOwner[k]!;
        if (inSet[w] === 1 || (mask !== null && mask[w] === 0)) continue;
        if (meets(bound[k]!, boundOpen[k] === 1, cfg.threshold, cfg.cmp)) {
          this.touch(w);
          inSet[w] = 1;
          queue[tail++] = w;
        }
      }
    }
    return this;
  }
}
