// Shapes stored node and relationship properties into domain objects. Identifiers are stored as
// 'scheme:value' strings because Neo4j properties cannot hold maps.
import { ENTITY_KINDS, type Entity, type EntityKind, type Identifier, type OwnershipEdge } from '../domain/model.js';

type Props = Record<string, unknown>;

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

export function kindOf(labels: unknown): EntityKind {
  const found = strs(labels).find((l): l is EntityKind => (ENTITY_KINDS as readonly string[]).includes(l));
  return found ?? 'Company';
}

export function identifierToString(i: Identifier): string {
  return `${i.scheme}:${i.value}`;
}

export function identifierFromString(s: string): Identifier {
  const at = s.indexOf(':');
  return at < 0 ? { scheme: 'id', value: s } : { scheme: s.slice(0, at), value: s.slice(at + 1) };
}

export function entityFromRow(props: Props, labels: unknown): Entity {
  return {
    id: String(props.id),
    kind: kindOf(labels),
    name: str(props.name) ?? String(props.id),
    aliases: strs(props.aliases),
    country: str(props.country),
    identifiers: strs(props.identifiers).map(identifierFromString),
    description: str(props.description),
    sourceIds: strs(props.sourceIds),
  };
}

export type EdgeType = 'OWNS' | 'CONTROLS';

/** An OWNS or CONTROLS edge as the API returns it: OWNS fields are null on CONTROLS and vice versa. */
export interface GraphEdge {
  id: string;
  type: EdgeType;
  source: string;
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

export function edgeFromRow(p: Props): GraphEdge {
  return {
    id: String(p.id),
    type: p.type === 'CONTROLS' ? 'CONTROLS' : 'OWNS',
    source: String(p.source),
    target: String(p.target),
    percent: num(p.percent),
    percentMin: num(p.percentMin),
    percentMax: num(p.percentMax),
    minInclusive: p.minInclusive !== false,
    maxInclusive: p.maxInclusive !== false,
    basis: str(p.basis),
    start: str(p.start),
    end: str(p.end),
    sourceIds: strs(p.sourceIds),
  };
}

export function ownershipFromEdge(e: GraphEdge): OwnershipEdge {
  return {
    id: e.id,
    owner: e.source,
    owned: e.target,
    percent: e.percent,
    percentMin: e.percentMin,
    percentMax: e.percentMax,
    minInclusive: e.minInclusive,
    maxInclusive: e.maxInclusive,
    start: e.start,
    end: e.end,
    sourceIds: e.sourceIds,
  };
}
