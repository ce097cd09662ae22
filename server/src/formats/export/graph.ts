// The graph every export format writes, and the attributes they share. Each format flattens the same
// nodeAttributes()/edgeAttributes() records, so adding an attribute (such as exposure per list or source
// URLs) is one change here and shows up in cyjs, GraphML, GEXF and CSV alike; FtM and BODS map them to their own
// vocabularies in their files.
import type { Entity, IsoDate, Source } from '../../domain/model.js';
import type { GraphEdge } from '../../db/rows.js';

/** A listing decision naming an exported entity, with what FtM's Sanction and the BODS notes need. */
export interface ExportDecision {
  id: string;
  listId: string;
  listName: string;
  authority: string | null;
  jurisdiction: string | null;
  action: string;
  date: IsoDate;
  effective: IsoDate | null;
  citation: string;
  summary: string;
  sourceIds: string[];
}

export interface ExportNode {
  entity: Entity;
  /** Hops from the nearest root (0 for roots; for path and node-set exports, from the first node). */
  depth: number;
  /** List ids on which a decision in force on asOf names it. */
  listed: string[];
  /** Decisions naming it that are in force on asOf or were before (added, removed…); not future ones. */
  decisions: ExportDecision[];
  /** Exposure status per list id; null when exposure was not available for this export. */
  exposure: Record<string, string> | null;
}

export interface ExportGraph {
  /** What was exported, for the file name and metadata: root ids, or from/to of a path query. */
  title: string;
  roots: string[];
  asOf: IsoDate;
  generatedAt: string;
  nodes: ExportNode[];
  edges: GraphEdge[];
  /** Sources referenced by nodes, edges and decisions, by id. */
  sources: Map<string, Source>;
  /** Lists that appear in `listed`, decisions or exposure, sorted by id. */
  lists: { id: string; name: string; authority: string | null }[];
  /** Exposure lists reported on every node (keys of ExportNode.exposure), sorted. */
  exposureLists: string[];
  truncated: boolean;
}

/** Multi-valued attributes in flat formats (GraphML, CSV) are joined with this. */
export const LIST_SEPARATOR = '|';

export type AttrValue = string | number | boolean | string[] | null;

/** What the shared attributes read from the graph besides the node or edge itself. */
export type AttributeContext = Pick<ExportGraph, 'exposureLists' | 'sources'>;

/** Node attributes shared by the flat formats, in column order. exposure_<list> per exposure list. */
export function nodeAttributes(node: ExportNode, graph: AttributeContext): Record<string, AttrValue> {
  const e = node.entity;
  const attrs: Record<string, AttrValue> = {
    id: e.id,
    name: e.name,
    kind: e.kind,
    country: e.country,
    aliases: e.aliases,
    identifiers: e.identifiers.map((i) => `${i.scheme}:${i.value}`),
    description: e.description,
    sourceIds: e.sourceIds,
    sourceUrls: sourceUrls(graph, e.sourceIds),
    depth: node.depth,
    listed: node.listed,
  };
  for (const list of graph.exposureLists) attrs[exposureKey(list)] = node.exposure?.[list] ?? null;
  return attrs;
}

export function exposureKey(listId: string): string {
  return `exposure_${listId}`;
}

/** Typed node attribute declarations (name → type) for formats that declare them (GraphML, GEXF). */
export function nodeAttributeTypes(exposureLists: readonly string[]): [string, AttrType][] {
  return [
    ['name', 'string'],
    ['kind', 'string'],
    ['country', 'string'],
    ['aliases', 'list'],
    ['identifiers', 'list'],
    ['description', 'string'],
    ['sourceIds', 'list'],
    ['sourceUrls', 'list'],
    ['depth', 'int'],
    ['listed', 'list'],
    ...exposureLists.map((l): [string, AttrType] => [exposureKey(l), 'string']),
  ];
}

export type AttrType = 'string' | 'double' | 'int' | 'boolean' | 'list';

/** Edge attributes shared by the flat formats. percent/percentMin/percentMax are null when unknown. */
export function edgeAttributes(e: GraphEdge, graph: AttributeContext): Record<string, AttrValue> {
  return {
    id: e.id,
    type: e.type,
    source: e.source,
    target: e.target,
    percent: e.percent,
    percentMin: e.percentMin,
    percentMax: e.percentMax,
    minInclusive: e.type === 'OWNS' ? e.minInclusive : null,
    maxInclusive: e.type === 'OWNS' ? e.maxInclusive : null,
    stake: stakeLabel(e),
    basis: e.basis,
    start: e.start,
    end: e.end,
    sourceIds: e.sourceIds,
    sourceUrls: sourceUrls(graph, e.sourceIds),
  };
}

export const EDGE_ATTRIBUTE_TYPES: [string, AttrType][] = [
  ['type', 'string'],
  ['percent', 'double'],
  ['percentMin', 'double'],
  ['percentMax', 'double'],
  ['minInclusive', 'boolean'],
  ['maxInclusive', 'boolean'],
  ['stake', 'string'],
  ['basis', 'string'],
  ['start', 'string'],
  ['end', 'string'],
  ['sourceIds', 'list'],
  ['sourceUrls', 'list'],
];

export type Stake =
  | { kind: 'exact'; percent: number }
  | { kind: 'range'; min: number | null; max: number | null; minInclusive: boolean; maxInclusive: boolean }
  | { kind: 'unknown' }
  | { kind: 'control' };

export function stakeOf(e: GraphEdge): Stake {
  if (e.type === 'CONTROLS') return { kind: 'control' };
  if (e.percent !== null) return { kind: 'exact', percent: e.percent };
  if (e.percentMin !== null || e.percentMax !== null) {
    return { kind: 'range', min: e.percentMin, max: e.percentMax, minInclusive: e.minInclusive, maxInclusive: e.maxInclusive };
  }
  return { kind: 'unknown' };
}

/** A human label for an edge's stake: '36.48%', '36–40.42%', '>50%', 'unknown', 'control'. */
export function stakeLabel(e: GraphEdge): string {
  const s = stakeOf(e);
  switch (s.kind) {
    case 'exact':
      return `${s.percent}%`;
    case 'unknown':
      return 'unknown';
    case 'control':
      return 'control';
    case 'range': {
      if (s.min !== null && s.max !== null) return `${s.minInclusive ? '' : '>'}${s.min}–${s.maxInclusive ? '' : '<'}${s.max}%`;
      if (s.min !== null) return `${s.minInclusive ? '≥' : '>'}${s.min}%`;
      return `${s.maxInclusive ? '≤' : '<'}${s.max}%`;
    }
  }
}

/** Source URLs for a set of source ids, in order, skipping sources without one. */
export function sourceUrls(graph: Pick<ExportGraph, 'sources'>, ids: readonly string[]): string[] {
  const urls: string[] = [];
  for (const id of ids) {
    const url = graph.sources.get(id)?.url;
    if (url && !urls.includes(url)) urls.push(url);
  }
  return urls;
}
