// The exact region of an incremental refresh by closure (affiliate rules such as NDAA 889, and per-party
// aggregation such as the UK's), and the part of the graph it must be evaluated on. Derived from the rule
// (engine.ts, fixpoint.ts) for a rule that counts only its own list (the built-in ones; others fall back to
// the wider closure in exposure-refresh.ts):
//
// Region — whose rows can change after a change naming E (a listing, or edges into E; O the owning ends):
// - Downward membership and aggregates of v depend only on v's upstream: they change only on down(E).
// - Upward (affiliate) membership of w means w reaches a listed party through stakes that each meet the
//   threshold (UpPass: an owner joins when ONE stake it holds in a member meets it): changes only on up(E ∪ O).
// - Flags read the statuses of v's controllers: add what up(E ∪ O) controls (down(E) already holds what
//   it controls). So R = down(E) ∪ up(E ∪ O) ∪ controlled(up(E ∪ O)); without upward capture R = down(E).
//
// What to load — P = R ∪ the entities stored non-clear on the list before the change. Every member of
// either set after the change is in P: outside R nothing changed, and a member was stored non-clear.
// Let X = R ∪ controllers(R) and K = X ∪ (P-entities reached upward from X through P-entities) ∪ (for
// affiliate rules, P-entities reached downward through OWNS edges whose stake may meet the threshold, any
// date, through P-entities). On the subgraph induced by K, each entity of X gets its global state:
// - its downward state needs its owners that are members, and theirs in turn: all in P, all reached;
// - its upward state needs a path of threshold-meeting stakes to a listed party: all on it are members
//   (in P), all reached; stakes a malformed figure makes unknown are followed too, as the engine counts them;
// - a subgraph never makes anything a member that the whole graph does not (the passes are monotone), so
//   states wrongly low elsewhere in K only ever leave out what the global answer also leaves out of X.
// The previous bound — both-ways closure of the both-ways closure — was ~the whole synthetic graph
// (98,669 of 100k entities). tests/unit/exposure-affiliate-bounds.test.ts checks this one against full
// recomputes on random graphs and changes.

/** Reads closures of the graph as it is now (after the change), at any date. */
export interface ClosureReader {
  up(roots: Iterable<string>): Promise<Set<string>>;
  down(roots: Iterable<string>): Promise<Set<string>>;
  /** The entities the ids control (one CONTROLS step down), and their controllers (one step up). */
  controlled(ids: Iterable<string>): Promise<Set<string>>;
  controllers(ids: Iterable<string>): Promise<Set<string>>;
  /** Roots, and what is reached from them upward (owners, controllers) entering only `through` entities. */
  upThrough(roots: Iterable<string>, through: ReadonlySet<string>): Promise<Set<string>>;
  /** Roots, and what is reached downward through OWNS edges whose stake may meet `threshold`, entering
   * only `through` entities. */
  downByStakeThrough(roots: Iterable<string>, through: ReadonlySet<string>, threshold: number): Promise<Set<string>>;
}

export interface ClosureBounds {
  /** Entities whose rows can change. */
  region: Set<string>;
  /** Entities to load (with the edges among them and the decisions naming them) to evaluate `region`. */
  keep: Set<string>;
}

export interface BoundsInput {
  /** Entities named by changed decisions, or owned/controlled ends of changed edges. */
  entities: string[];
  /** Owning/controlling ends of changed edges. */
  owners: string[];
  /** Upward capture (affiliate rules): its threshold; null for a rule without it. */
  upwardThreshold: number | null;
  /** Entities stored non-clear on the list before the change. */
  storedNonClear: ReadonlySet<string>;
}

const union = (...sets: Iterable<string>[]): Set<string> => {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
};

/** The region of a change (see above), with its downward-closed and upward-closed parts. */
async function regionOf(input: BoundsInput, read: ClosureReader): Promise<{ region: Set<string>; downward: Set<string>; upward: Set<string> }> {
  const downward = await read.down(input.entities);
  if (input.upwardThreshold === null) return { region: downward, downward, upward: new Set() };
  const upward = await read.up([...input.entities, ...input.owners]);
  return { region: union(downward, upward, await read.controlled(upward)), downward, upward };
}

export async function closureBounds(input: BoundsInput, read: ClosureReader): Promise<ClosureBounds> {
  const { region, downward, upward } = await regionOf(input, read);
  const x = union(region, await read.controllers(region));
  const through = union(region, input.storedNonClear);
  // A walk up from `upward` (upward-closed) or down from `downward` (downward-closed) stays inside it, and it
  // is in `keep` already: start each walk from the rest of X only (the same `keep`, far fewer lookups).
  const keep = union(x, await read.upThrough([...x].filter((id) => !upward.has(id)), through));
  if (input.upwardThreshold !== null) {
    for (const id of await read.downByStakeThrough([...x].filter((id) => !downward.has(id)), through, input.upwardThreshold)) keep.add(id);
  }
  return { region, keep };
}
