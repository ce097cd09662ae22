// FtM Sanction → listing decisions on the right list. The built-in regimes are recognised by programme
// id, programme name, the sanction's datasets, the authority, and as a last resort the sanctioned
// entity's datasets; any other authority becomes a list of its own with a neutral rule (it lists
// the entities it names and propagates nothing), so no designation is dropped.
import type { ListingDecision } from '../../domain/model.js';
import { parseRegime, type Regime } from '../../domain/exposure/regime.js';
import type { GraphItem } from './types.js';
import { prop, type FtmRecord } from './ftm-model.js';
import type { IdMaker } from './ids.js';
import { countryCode, parseDate, pickDate } from './values.js';

/** Datasets whose names say which built-in list they are (OpenSanctions dataset names). */
export const DATASET_LISTS: Readonly<Record<string, string>> = {
  us_ofac_sdn: 'us-ofac-sdn',
  eu_fsf: 'eu-fsf',
  gb_fcdo_sanctions: 'uk-sanctions',
  gb_hmt_sanctions: 'uk-sanctions',
  us_bis_entity_list: 'us-bis-entity-list',
  us_bis_meu: 'us-bis-meu',
};

interface Hints {
  programIds: string[];
  programs: string[];
  datasets: string[];
  authorities: string[];
}

/**
 * The built-in list a sanction belongs to, or null when none fits. `builtInIds`: the built-in list ids
 * (seed/lists.json); a programId that is one of them (as the FtM export writes it) names its list.
 */
export function builtInList(h: Hints, builtInIds: ReadonlySet<string> = new Set()): string | null {
  for (const p of h.programIds) if (builtInIds.has(p.toLowerCase())) return p.toLowerCase();
  for (const p of h.programIds) {
    const id = p.toUpperCase();
    if (id.startsWith('US-BIS-EL')) return 'us-bis-entity-list';
    if (id.startsWith('US-BIS-MEU')) return 'us-bis-meu';
    if (/CMIC/.test(id)) return 'us-ns-cmic';
  }
  for (const p of h.programs) {
    if (/military end[- ]user/i.test(p)) return 'us-bis-meu';
    if (/chinese military[- ]industrial complex|\bcmic\b/i.test(p)) return 'us-ns-cmic';
    if (/\bentity list\b/i.test(p)) return 'us-bis-entity-list';
  }
  for (const d of h.datasets) {
    const hit = DATASET_LISTS[d];
    if (hit) return hit;
  }
  for (const a of h.authorities) {
    if (/\bOFAC\b|office of foreign assets control/i.test(a)) return 'us-ofac-sdn';
    if (/\bOFSI\b|\bFCDO\b|HM Treasury|office of financial sanctions implementation|foreign, commonwealth/i.test(a)) return 'uk-sanctions';
  }
  return null;
}

/** A list for an authority we have no regime for: it lists, and propagates nothing. */
export function neutralList(id: string, name: string, authority: string, jurisdiction: string, dataset: string): Regime {
  return parseRegime({
    id,
    name,
    authority,
    jurisdiction,
    rule: {
      name: `${name} (imported list, no ownership rule)`,
      threshold: 50,
      comparison: 'gte',
      aggregation: 'all',
      countsAsListed: [],
      control: 'flag',
      propagation: 'none',
      inForce: null,
      significantMinority: 25,
      citations: [],
      notes: [`Created by the import of dataset '${dataset}': entities named by its decisions are listed; nothing propagates through ownership until a rule is configured.`],
    },
  });
}

export type SanctionResult =
  | { ok: true; items: GraphItem[]; warnings: string[]; entities: string[] }
  | { ok: false; reason: string };

export interface SanctionContext {
  ids: IdMaker;
  dataset: string;
  /** Built-in lists implied by the datasets of the sanctioned entities (read in the first pass). */
  entityLists(ftmId: string): string[];
  /** Lists this import created already: the list item travels with the first decision only. */
  createdLists: Set<string>;
  /** Ids of the built-in lists (seed/lists.json). */
  builtInIds?: ReadonlySet<string>;
}

export function ftmSanction(rec: FtmRecord & { id: string }, ctx: SanctionContext): SanctionResult {
  const targets = [...new Set(prop(rec, 'entity'))];
  if (targets.length === 0) return { ok: false, reason: 'missing entity' };
  const warnings: string[] = [];
  const authorities = prop(rec, 'authority');
  const programs = prop(rec, 'program');
  const hints: Hints = { programIds: prop(rec, 'programId'), programs, datasets: rec.datasets, authorities };

  let listId = builtInList(hints, ctx.builtInIds);
  let list: Regime | undefined;
  if (listId === null) {
    const implied = [...new Set(targets.flatMap((t) => ctx.entityLists(t)))];
    if (implied.length === 1 && authorities.length === 0 && programs.length === 0) {
      listId = implied[0]!;
      warnings.push(`list chosen from the sanctioned entity's datasets: ${listId}`);
    }
  }
  if (listId === null) {
    const name = authorities[0] ?? programs[0] ?? rec.datasets[0];
    if (!name) return { ok: false, reason: 'no authority, programme or dataset: cannot tell which list it is on' };
    listId = ctx.ids.listId(name);
    if (!ctx.createdLists.has(listId)) {
      const jurisdiction = prop(rec, 'country').map(countryCode).find((c) => c !== null) ?? 'unknown';
      list = neutralList(listId, name, authorities[0] ?? name, jurisdiction, ctx.dataset);
      ctx.createdLists.add(listId);
    }
  }

  const listing = pickDate(prop(rec, 'listingDate'), 'listing date', 'earliest');
  if (!listing.ok) return listing;
  const start = pickDate(prop(rec, 'startDate'), 'start date', 'earliest');
  if (!start.ok) return start;
  const end = pickDate(prop(rec, 'endDate'), 'end date', 'latest');
  if (!end.ok) return end;
  warnings.push(...listing.warnings, ...start.warnings, ...end.warnings);
  let date = listing.value ?? start.value;
  if (date === null && rec.firstSeen) {
    const seen = parseDate(rec.firstSeen, 'first_seen');
    if (seen.ok) {
      date = seen.value;
      warnings.push(`no listing or start date: dated by first_seen ${date}`);
    }
  }
  if (date === null) return { ok: false, reason: 'no listing date, start date or first_seen: a decision needs a date' };
  const effective = listing.value !== null && start.value !== null && start.value !== listing.value ? start.value : null;
  if (end.value !== null && end.value <= (effective ?? date)) {
    return { ok: false, reason: `end date ${end.value} is not after the listing (${effective ?? date})` };
  }
  const status = prop(rec, 'status');
  if (end.value === null && status.some((s) => /inactive|expired|delisted|revoked|lifted/i.test(s))) {
    warnings.push(`status '${status.join('; ')}' without an end date: kept as in force`);
  }

  const citationParts = [
    authorities.join('; '),
    programs.join('; '),
    ...prop(rec, 'authorityId').map((a) => `ID ${a}`),
    ...prop(rec, 'unscId').map((u) => `UN ${u}`),
  ].filter((p) => p.length > 0);
  const citation = citationParts.length > 0 ? citationParts.join(' — ') : `FtM Sanction ${rec.id}`;
  const reason = prop(rec, 'reason', 'provisions', 'summary').join(' ');
  const summary = [`${programs[0] ?? 'Sanction'}${authorities[0] ? ` (${authorities[0]})` : ''}`, reason.slice(0, 500)].filter(Boolean).join(': ');
  const entityIds = targets.map((t) => ctx.ids.id(t));
  const added: ListingDecision = {
    id: ctx.ids.id(rec.id),
    listId,
    action: 'added',
    date,
    effective,
    citation,
    summary,
    entityIds,
    sourceIds: [],
  };
  const items: GraphItem[] = [list ? { kind: 'decision', decision: added, list } : { kind: 'decision', decision: added }];
  if (end.value !== null) {
    items.push({
      kind: 'decision',
      decision: { ...added, id: `${added.id}-removed`, action: 'removed', date: end.value, effective: null, summary: `End of: ${summary}` },
    });
  }
  return { ok: true, items, warnings, entities: targets };
}
