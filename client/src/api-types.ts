// The JSON shapes of /api/v1 as the client reads them. Kept by hand in step with the server's zod schemas
// (the OpenAPI document is the reference); the client only reads these, never builds them.

export const ENTITY_KINDS = ['Company', 'Person', 'StateBody', 'InvestmentVehicle'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export interface Identifier {
  scheme: string;
  value: string;
}

export interface EntitySummary {
  id: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  aliases: string[];
  identifiers: Identifier[];
  /** Ids of the lists on which the entity is currently listed. */
  listed: string[];
  /** Current non-clear exposure status per list id. */
  exposure?: Record<string, ExposureStatus>;
  score: number;
}

export interface SearchPage {
  items: EntitySummary[];
  nextCursor: string | null;
}

export interface Entity {
  id: string;
  kind: EntityKind;
  name: string;
  aliases: string[];
  country: string | null;
  identifiers: Identifier[];
  description: string | null;
  sourceIds: string[];
}

export type DecisionAction = 'added' | 'removed' | 'amended' | 'proposed' | 'reported';

export interface Decision {
  id: string;
  listId: string;
  listName: string;
  action: DecisionAction;
  date: string;
  effective: string | null;
  citation: string;
  summary: string;
  sourceIds: string[];
}

/** One page of GET /decisions: decisions oldest first, each with the requested entities it names. */
export interface DecisionPage {
  items: (Decision & { entityIds: string[]; namedCount: number })[];
  nextCursor: string | null;
}

export interface Source {
  id: string;
  publisher: string;
  title: string;
  date: string | null;
  url: string | null;
  file: string | null;
}

export interface EntityDetail {
  entity: Entity;
  decisions: Decision[];
  sources: Source[];
}

export interface GraphNode {
  id: string;
  name: string;
  kind: EntityKind;
  country: string | null;
  /** Hops from the root of the query that returned it. */
  depth: number;
  listed: string[];
  /** Chains only: today's non-clear status per list id. */
  exposure?: Record<string, ExposureStatus>;
}

export interface GraphEdge {
  id: string;
  type: 'OWNS' | 'CONTROLS';
  /** The owner or controller. */
  source: string;
  /** The owned or controlled entity. */
  target: string;
  percent: number | null;
  percentMin: number | null;
  percentMax: number | null;
  minInclusive: boolean;
  maxInclusive: boolean;
  basis: string | null;
  start: string | null;
  end: string | null;
  sourceIds: string[];
}

export interface OwnershipGraph {
  root: string;
  asOf?: string;
  direction: 'up' | 'down';
  nodes: GraphNode[];
  edges: GraphEdge[];
  truncated: boolean;
}

/** RFC 9457 problem details, as every API error is returned. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { path: string; message: string }[];
}

// ——— Exposure (GET /entities/:id/exposure, /exposure, /exposure/changes, /lists) ———

export const EXPOSURE_STATUSES = ['listed', 'exposed', 'possibly_exposed', 'clear'] as const;
export type ExposureStatus = (typeof EXPOSURE_STATUSES)[number];

/** A percentage interval as the engine reports it; unknown is [0, 100]. */
export interface Interval {
  min: number;
  max: number;
  minExclusive: boolean;
  maxExclusive: boolean;
}

export interface ListRule {
  name: string;
  inForce: { start: string | null; end: string | null; note?: string }[] | null;
}

export interface ListInfo {
  id: string;
  name: string;
  authority: string;
  jurisdiction: string;
  rule: ListRule | null;
}

export interface ListsResponse {
  items: ListInfo[];
}

/** A listing decision as the exposure engine cites it. */
export interface DecisionRef {
  id: string;
  listId: string;
  action: DecisionAction;
  date: string;
  effective: string | null;
  citation: string;
}

export interface Explanation {
  sentence: string;
  /** Entity ids of the proof subgraph. */
  nodes: string[];
  /** Edge ids (OWNS / CONTROLS) of the proof subgraph, as in GraphEdge.id. */
  edges: string[];
  decisions: DecisionRef[];
}

export interface Determination {
  list: string;
  listName: string;
  status: ExposureStatus;
  aggregate: Interval;
  ruleInForce: boolean;
  flags: { kind: string; edges?: string[]; certain?: boolean }[];
  warnings: unknown[];
  explanation: Explanation | null;
}

export interface EntityExposure {
  entityId: string;
  asOf: string;
  determinations: Determination[];
}

export interface ExposureItem {
  entityId: string;
  name: string;
  kind: EntityKind;
  status: ExposureStatus;
  aggregate: Interval;
}

export interface ExposurePage {
  list: string;
  asOf: string;
  items: ExposureItem[];
  nextCursor: string | null;
}

export interface ExposureChange {
  list: string;
  entityId: string;
  name: string;
  before: ExposureStatus;
  after: ExposureStatus;
  causes: { decisions: DecisionRef[]; ownerships: string[]; controls: string[]; ruleWindow: boolean };
}

export interface ExposureChanges {
  from: string;
  to: string;
  list: string | null;
  changes: ExposureChange[];
  truncated: boolean;
}

// ——— Paths (POST /paths) ———

export interface PathsRequest {
  from: string;
  to: string;
  mode: 'shortest' | 'all';
  maxHops: number;
  direction: 'down' | 'up' | 'any';
  relTypes: ('OWNS' | 'CONTROLS')[];
  asOf?: string;
  limit?: number;
}

export interface PathResult {
  length: number;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface PathsResponse {
  from: string;
  to: string;
  asOf: string;
  paths: PathResult[];
  subgraph: { nodes: GraphNode[]; edges: GraphEdge[] };
  truncated: boolean;
  cutOff: 'limit' | 'timeout' | null;
}

// ——— Exports (GET /subgraph, POST /subgraph/export) ———

export const EXPORT_FORMATS = ['cyjs', 'graphml', 'gexf', 'csv', 'ftm', 'bods'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
