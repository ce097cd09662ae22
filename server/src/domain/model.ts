// The graph model as plain data: what the database layer returns and the exposure engine consumes.
// Dates are ISO calendar dates ('YYYY-MM-DD') so they compare as strings; validity windows are
// half-open [start, end): an edge ended on D no longer holds on D. null start/end means unbounded.

export const ENTITY_KINDS = ['Company', 'Person', 'StateBody', 'InvestmentVehicle'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export type IsoDate = string;

export interface Identifier {
  scheme: string; // e.g. 'SZSE', 'USCC', 'LEI'
  value: string;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  country: string | null; // ISO 3166-1 alpha-2, lower case
  identifiers: Identifier[];
  description: string | null;
  sourceIds: string[];
}

/** Equity ownership, owner → owned. A null percent with null bounds is an unknown stake, [0, 100]. */
export interface OwnershipEdge {
  id: string;
  owner: string;
  owned: string;
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
  start: IsoDate | null;
  end: IsoDate | null;
  sourceIds: string[];
}

/** Control without (known) equity: board control, voting agreements, state supervision. */
export interface ControlEdge {
  id: string;
  controller: string;
  controlled: string;
  basis: string;
  start: IsoDate | null;
  end: IsoDate | null;
  sourceIds: string[];
}

export const DECISION_ACTIONS = ['added', 'removed', 'amended', 'proposed', 'reported'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];

export interface ListingDecision {
  id: string;
  listId: string;
  action: DecisionAction;
  date: IsoDate; // publication / announcement date
  effective: IsoDate | null; // when it takes legal effect; null → same as date
  citation: string; // e.g. '84 FR 54002'
  summary: string;
  entityIds: string[];
  sourceIds: string[];
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  date: IsoDate | null;
  url: string | null;
  file: string | null; // for the seed articles: their file name under shared/seeds
}

export interface SanctionsList {
  id: string;
  name: string;
  authority: string;
  jurisdiction: string;
}
