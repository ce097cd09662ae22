// The engine's input and result shapes: plain data the HTTP and database layers can pass through as JSON.
import type { ControlEdge, IsoDate, ListingDecision, OwnershipEdge } from '../model.js';

/** What the engine needs of an entity: its id, and its name for explanations. */
export interface EntityRef {
  id: string;
  name: string;
}

/** The graph as plain arrays. Edges and decisions may reference ids absent from `entities` (named by id). */
export interface ExposureGraph {
  entities: EntityRef[];
  ownerships: OwnershipEdge[];
  controls: ControlEdge[];
  decisions: ListingDecision[];
}

export const EXPOSURE_STATUSES = ['listed', 'exposed', 'possibly_exposed', 'clear'] as const;
export type ExposureStatus = (typeof EXPOSURE_STATUSES)[number];

/** Percent interval; an exclusive bound means the true value is strictly beyond it. */
export interface Aggregate {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

export interface DecisionRef {
  id: string;
  listId: string;
  action: ListingDecision['action'];
  date: IsoDate;
  effective: IsoDate | null;
  citation: string;
}

export type Flag =
  /** A CONTROLS edge from a listed or (possibly) exposed party, where control does not decide the status. */
  | { kind: 'controlled_by_listed'; controllers: string[]; edges: string[]; certain: boolean }
  /** Listed parties hold at least the configured minority (default 25%) on lower bounds, below the threshold. */
  | { kind: 'significant_minority'; min: number; atLeast: number; threshold: number }
  /** Named on another list that counts as listed for this rule (e.g. the MEU List under the Entity List rule). */
  | { kind: 'listed_on_counted_list'; lists: string[]; decisions: DecisionRef[] };

export type DataWarning =
  | { kind: 'ownership_over_100'; entityId: string; min: number; edges: string[] }
  | { kind: 'conflicting_stakes'; ownerId: string; ownedId: string; edges: string[] }
  | { kind: 'invalid_stake'; edgeId: string; message: string }
  | { kind: 'self_ownership'; edgeId: string; entityId: string };

/** One step of a proof: an entity with its aggregate and what made it count. */
export interface ProofStep {
  entityId: string;
  name: string;
  status: ExposureStatus;
  aggregate: Aggregate;
  /** Decisions in force that name it on a list counted by the rule. */
  decisions: DecisionRef[];
  /** Edges from parties in the proof that make it count (stakes after de-duplication). */
  via: ProofEdge[];
}

export interface ProofEdge {
  type: 'OWNS' | 'CONTROLS';
  /** Every reported edge that gave this (de-duplicated) stake or control. */
  edgeIds: string[];
  from: string;
  to: string;
  /** OWNS only: the stake used, in percent. */
  stake: Aggregate | null;
  /** CONTROLS only. */
  basis: string | null;
}

export interface Explanation {
  sentence: string;
  /** Ids of the proof subgraph: the entity, listed parties and every entity on the chains between. */
  nodes: string[];
  /** Ids of the OWNS and CONTROLS edges of the proof. */
  edges: string[];
  decisions: DecisionRef[];
  steps: ProofStep[];
}

export interface Determination {
  entityId: string;
  listId: string;
  asOf: IsoDate;
  status: ExposureStatus;
  /** Aggregate stake of listed (and captured) parties, lower bound from the certain set, upper from the possible set. */
  aggregate: Aggregate;
  /** Whether the regime's propagation rule was in force on asOf. */
  ruleInForce: boolean;
  flags: Flag[];
  warnings: DataWarning[];
  /** null when clear. */
  explanation: Explanation | null;
}

export interface StatusChange {
  entityId: string;
  name: string;
  before: ExposureStatus;
  after: ExposureStatus;
  /** Decisions and edges whose validity differs between the two dates and that touch the entity's proofs. */
  causes: {
    decisions: DecisionRef[];
    ownerships: string[];
    controls: string[];
    /** The rule's own in-force window changed between the dates. */
    ruleWindow: boolean;
  };
}
