// Beneficial Ownership Data Standard 0.4 statements as one JSON array: an entity or person statement per
// node, then a relationship statement per edge (so every record is declared before it is referenced).
// recordId is our id; statementId is a SHA-256 of (recordId, asOf), so the same export gives the same
// ids; declarationSubject is the first root. OWNS → a 'shareholding' interest with share exact or
// minimum/maximum (exclusiveMinimum/exclusiveMaximum for exclusive bounds), no share when unknown;
// CONTROLS → 'otherInfluenceOrControl' with the basis as details. Listing and exposure status go in
// annotations (motivation 'commenting').
import { createHash } from 'node:crypto';
import type { ExportFormat } from './format.js';
import { sourceUrls, stakeOf, type ExportGraph, type ExportNode } from './graph.js';
import type { GraphEdge } from '../../db/rows.js';
import { TextSink } from './sink.js';

export const BODS_VERSION = '0.4';
const PUBLISHER = { name: 'Ownership Explorer' };

type Json = Record<string, unknown>;

export const bods: ExportFormat = {
  extension: 'bods.json',
  contentType: 'application/json; charset=utf-8',
  async write(graph, out) {
    const sink = new TextSink(out);
    let first = true;
    await sink.write('[');
    for (const statement of bodsStatements(graph)) {
      await sink.write(`${first ? '' : ','}\n${JSON.stringify(statement)}`);
      first = false;
    }
    await sink.write('\n]\n');
    await sink.close();
  },
};

export function statementId(recordId: string, asOf: string): string {
  return createHash('sha256').update(`ownership-explorer\u0000${recordId}\u0000${asOf}`).digest('hex');
}

export function* bodsStatements(graph: ExportGraph): Generator<Json> {
  const subject = graph.roots[0] ?? graph.nodes[0]?.entity.id ?? '';
  const envelope = (recordId: string, recordType: string, recordDetails: Json, sourceIds: string[], annotations: Json[]): Json => ({
    statementId: statementId(recordId, graph.asOf),
    declarationSubject: subject,
    statementDate: graph.asOf,
    recordId,
    recordType,
    recordStatus: 'new',
    recordDetails,
    publicationDetails: { publicationDate: graph.generatedAt.slice(0, 10), bodsVersion: BODS_VERSION, publisher: PUBLISHER },
    source: source(graph, sourceIds),
    ...(annotations.length > 0 && { annotations }),
  });
  for (const node of graph.nodes) {
    const e = node.entity;
    const isPerson = e.kind === 'Person';
    yield envelope(e.id, isPerson ? 'person' : 'entity', isPerson ? personDetails(node) : entityDetails(node), e.sourceIds, statusNotes(graph, node));
  }
  for (const edge of graph.edges) yield envelope(edge.id, 'relationship', relationshipDetails(edge), edge.sourceIds, []);
}

function entityDetails(node: ExportNode): Json {
  const e = node.entity;
  const entityType =
    e.kind === 'StateBody' ? { type: 'stateBody' } : e.kind === 'InvestmentVehicle' ? { type: 'registeredEntity', details: 'investment vehicle' } : { type: 'registeredEntity' };
  return {
    isComponent: false,
    entityType,
    name: e.name,
    ...(e.aliases.length > 0 && { alternateNames: e.aliases }),
    ...(e.country && { jurisdiction: { name: countryName(e.country), code: e.country.toUpperCase() } }),
    ...(e.identifiers.length > 0 && { identifiers: e.identifiers.map((i) => ({ id: i.value, schemeName: i.scheme })) }),
  };
}

function personDetails(node: ExportNode): Json {
  const e = node.entity;
  return {
    isComponent: false,
    personType: 'knownPerson',
    names: [{ type: 'legal', fullName: e.name }, ...e.aliases.map((a) => ({ type: 'alternative', fullName: a }))],
    ...(e.country && { nationalities: [{ name: countryName(e.country), code: e.country.toUpperCase() }] }),
    ...(e.identifiers.length > 0 && { identifiers: e.identifiers.map((i) => ({ id: i.value, schemeName: i.scheme })) }),
  };
}

function relationshipDetails(edge: GraphEdge): Json {
  const interest: Json =
    edge.type === 'CONTROLS'
      ? { type: 'otherInfluenceOrControl', directOrIndirect: 'direct', ...(edge.basis && { details: edge.basis }) }
      : { type: 'shareholding', directOrIndirect: 'direct', ...share(edge) };
  if (edge.start) interest.startDate = edge.start;
  if (edge.end) interest.endDate = edge.end;
  return { isComponent: false, subject: edge.target, interestedParty: edge.source, interests: [interest] };
}

function share(edge: GraphEdge): Json {
  const s = stakeOf(edge);
  if (s.kind === 'exact') return { share: { exact: s.percent } };
  if (s.kind !== 'range') return { details: 'share unknown' };
  const out: Json = {};
  if (s.min !== null) out[s.minInclusive ? 'minimum' : 'exclusiveMinimum'] = s.min;
  if (s.max !== null) out[s.maxInclusive ? 'maximum' : 'exclusiveMaximum'] = s.max;
  return { share: out };
}

function source(graph: ExportGraph, ids: string[]): Json {
  const described = ids.map((id) => {
    const s = graph.sources.get(id);
    return s ? `${id} (${[s.publisher, s.title, s.date].filter(Boolean).join(', ')})` : id;
  });
  const [url] = sourceUrls(graph, ids);
  return {
    type: ['thirdParty'],
    description: ids.length > 0 ? `Ownership Explorer sources: ${described.join('; ')}` : 'Ownership Explorer',
    ...(url && { url }),
  };
}

function statusNotes(graph: ExportGraph, node: ExportNode): Json[] {
  const notes: string[] = [];
  if (node.listed.length > 0) notes.push(`Listed on ${graph.asOf}: ${node.listed.join(', ')}`);
  const exposure = Object.entries(node.exposure ?? {});
  if (exposure.length > 0) notes.push(`Exposure on ${graph.asOf}: ${exposure.map(([l, s]) => `${l} ${s}`).join('; ')}`);
  return notes.map((description) => ({
    statementPointerTarget: '',
    motivation: 'commenting',
    description,
    createdBy: PUBLISHER,
  }));
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function countryName(code: string): string {
  try {
    return regionNames.of(code.toUpperCase()) ?? code.toUpperCase();
  } catch {
    return code.toUpperCase();
  }
}
