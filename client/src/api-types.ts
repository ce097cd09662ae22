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
