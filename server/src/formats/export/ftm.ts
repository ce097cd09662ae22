// FollowTheMoney entities as JSON lines ({id, schema, properties: {prop: [strings]}}), per the FtM schema
// files: Company / Person / PublicBody / Organization by kind; Ownership (owner, asset, percentage,
// startDate, endDate) per OWNS edge; UnknownLink (subject, object, role) per CONTROLS edge, the one FtM
// link type every FtM version has for control without equity; Sanction (entity, authority, program,
// startDate, listingDate, sourceUrl) per listing decision naming an exported entity.
import type { ExportFormat } from './format.js';
import { sourceUrls, stakeOf, stakeLabel, type ExportGraph, type ExportNode } from './graph.js';
import type { GraphEdge } from '../../db/rows.js';
import { TextSink } from './sink.js';

type Props = Record<string, string[]>;
export interface FtmEntity {
  id: string;
  schema: string;
  properties: Props;
}

const SCHEMA_BY_KIND = { Company: 'Company', Person: 'Person', StateBody: 'PublicBody', InvestmentVehicle: 'Organization' } as const;
/** Stock exchange schemes: their identifiers are tickers. */
const EXCHANGES = new Set(['SZSE', 'SSE', 'HKEX', 'SEHK', 'NYSE', 'NASDAQ', 'LSE', 'TSE', 'KRX']);
/** FtM topics for the listing and exposure status (FtM's topic vocabulary). */
const LISTED_TOPIC = 'sanction';
const EXPOSED_TOPIC = 'sanction.linked';

export const ftm: ExportFormat = {
  extension: 'ftm.jsonl',
  contentType: 'application/x-ndjson; charset=utf-8',
  async write(graph, out) {
    const sink = new TextSink(out);
    for (const entity of ftmEntities(graph)) await sink.write(`${JSON.stringify(entity)}\n`);
    await sink.close();
  },
};

export function* ftmEntities(graph: ExportGraph): Generator<FtmEntity> {
  // Ownership.asset must be an Asset (Company): an Organization or PublicBody that is owned is written
  // as a Company, which FtM describes as also covering funds and other ownable constructs.
  const owned = new Set(graph.edges.filter((e) => e.type === 'OWNS').map((e) => e.target));
  for (const node of graph.nodes) yield entityOf(graph, node, owned.has(node.entity.id));
  for (const edge of graph.edges) yield edge.type === 'OWNS' ? ownershipOf(graph, edge) : controlOf(graph, edge);
  for (const node of graph.nodes) {
    for (const d of node.decisions) {
      if (d.action !== 'added') continue;
      yield {
        id: `sanction-${d.id}-${node.entity.id}`,
        schema: 'Sanction',
        properties: props({
          entity: [node.entity.id],
          authority: d.authority ? [d.authority] : [],
          program: [d.listName],
          programId: [d.listId],
          startDate: [d.effective ?? d.date],
          listingDate: [d.date],
          status: [node.listed.includes(d.listId) ? 'Active' : 'Inactive'],
          summary: d.citation ? [d.citation] : [],
          reason: d.summary ? [d.summary] : [],
          sourceUrl: sourceUrls(graph, d.sourceIds),
        }),
      };
    }
  }
}

function entityOf(graph: ExportGraph, node: ExportNode, isAsset: boolean): FtmEntity {
  const e = node.entity;
  let schema: string = SCHEMA_BY_KIND[e.kind];
  if (isAsset && (schema === 'Organization' || schema === 'PublicBody')) schema = 'Company';
  const tickers = e.identifiers.filter((i) => EXCHANGES.has(i.scheme.toUpperCase()));
  const others = e.identifiers.filter((i) => !EXCHANGES.has(i.scheme.toUpperCase()));
  const exposed = Object.values(node.exposure ?? {}).some((s) => s === 'exposed' || s === 'possibly_exposed');
  const exposureNote = node.exposure && Object.keys(node.exposure).length > 0
    ? [`Exposure on ${graph.asOf}: ${Object.entries(node.exposure).map(([list, status]) => `${list} ${status}`).join('; ')}`]
    : [];
  return {
    id: e.id,
    schema,
    properties: props({
      name: [e.name],
      alias: e.aliases,
      country: e.country ? [e.country] : [],
      description: e.description ? [e.description] : [],
      classification: [e.kind],
      ...(schema === 'Company'
        ? { ticker: tickers.map((i) => i.value), registrationNumber: others.map((i) => i.value) }
        : { idNumber: e.identifiers.map((i) => i.value) }),
      topics: [...(node.listed.length > 0 ? [LISTED_TOPIC] : []), ...(exposed ? [EXPOSED_TOPIC] : [])],
      notes: exposureNote,
      sourceUrl: sourceUrls(graph, e.sourceIds),
    }),
  };
}

function ownershipOf(graph: ExportGraph, e: GraphEdge): FtmEntity {
  const stake = stakeOf(e);
  return {
    id: e.id,
    schema: 'Ownership',
    properties: props({
      owner: [e.source],
      asset: [e.target],
      percentage: percentage(e),
      startDate: e.start ? [e.start] : [],
      endDate: e.end ? [e.end] : [],
      summary: [stake.kind === 'unknown' ? 'stake unknown' : `stake ${stakeLabel(e)}`],
      sourceUrl: sourceUrls(graph, e.sourceIds),
    }),
  };
}

function controlOf(graph: ExportGraph, e: GraphEdge): FtmEntity {
  return {
    id: e.id,
    schema: 'UnknownLink',
    properties: props({
      subject: [e.source],
      object: [e.target],
      role: ['controls'],
      summary: e.basis ? [e.basis] : [],
      startDate: e.start ? [e.start] : [],
      endDate: e.end ? [e.end] : [],
      sourceUrl: sourceUrls(graph, e.sourceIds),
    }),
  };
}

/** FtM's percentage is free text: '36.48' exact, '36-40.42' a range ('>' / '<' mark exclusive bounds,
 *  '>=50' an open range); absent when unknown. */
export function percentage(e: GraphEdge): string[] {
  const s = stakeOf(e);
  if (s.kind === 'exact') return [String(s.percent)];
  if (s.kind !== 'range') return [];
  if (s.min !== null && s.max !== null) return [`${s.minInclusive ? '' : '>'}${s.min}-${s.maxInclusive ? '' : '<'}${s.max}`];
  if (s.min !== null) return [`${s.minInclusive ? '>=' : '>'}${s.min}`];
  return [`${s.maxInclusive ? '<=' : '<'}${s.max}`];
}

/** Drops empty properties: FtM has no nulls, an absent property is an unknown one. */
function props(p: Props): Props {
  return Object.fromEntries(Object.entries(p).filter(([, v]) => v.length > 0));
}
