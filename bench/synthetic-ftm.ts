// A deterministic synthetic FollowTheMoney file (JSON lines) in the shape OpenSanctions exports:
// companies, people, public bodies and funds; Ownership with percentages in the forms seen in the wild
// ("51%", "49", "49.99", "30,5", ranges, "> 50%", several values, none); Directorship; and Sanctions from
// several authorities. Records are in a shuffled order (links before the entities they name, as in
// id-sorted exports). With `badEvery: n`, every n-th line is a bad record of one of three kinds — a
// percentage over 100, an owner that exists nowhere, an entity without an id — placed between good ones.
// Ids are lower case, so each graph id is the dataset prefix and the FtM id. Returns what an import of
// the file must give, computed here independently of the importer.
// Used by bench/import-rate.ts and the resume/reject integration tests.
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mulberry32 as prng } from '../server/src/synthetic/random.js';

export interface SyntheticOptions {
  /** Lines in the file (good and bad). */
  records: number;
  seed?: number;
  /** Every n-th line is a bad record (10 → 10%); 0 or absent → none. */
  badEvery?: number;
}

export interface ExpectedRejection {
  line: number;
  id: string | null;
  /** The reason the report must give (exact text, with PREFIX standing for the dataset's id prefix). */
  reason: string;
}

export interface SyntheticExpectation {
  lines: number;
  entities: number;
  persons: number;
  stateBodies: number;
  vehicles: number;
  owns: number;
  controls: number;
  decisions: number;
  /** Decisions per list id; lists of other authorities as `PREFIX` + `list-<slug>`. */
  decisionsByList: Record<string, number>;
  rejections: ExpectedRejection[];
  /** A few records with their expected stake, to check values and not only counts. */
  samples: { edgeId: string; percent: number | null; percentMin: number | null; percentMax: number | null; start: string | null }[];
}


/** Percentage cells and the stake they mean: [values, percent, min, max]. */
const PERCENTAGES: [string[], number | null, number | null, number | null][] = [
  [['51%'], 51, null, null],
  [['49'], 49, null, null],
  [['49.99'], 49.99, null, null],
  [['100%'], 100, null, null],
  [['30,5'], 30.5, null, null],
  [['10-25%'], null, 10, 25],
  [['>= 50%'], null, 50, 100],
  [['30', '35%'], null, 30, 35],
  [[], null, null, null],
];

/** Sanction shapes → the list the importer must put them on (`PREFIX` for lists of their own). */
const SANCTIONS: { props: Record<string, string[]>; datasets: string[]; list: string }[] = [
  { props: { authority: ['Office of Foreign Assets Control'], program: ['SDGT'] }, datasets: ['us_ofac_sdn'], list: 'us-ofac-sdn' },
  { props: { authority: ['Bureau of Industry and Security'], programId: ['US-BIS-EL'] }, datasets: ['us_trade_csl'], list: 'us-bis-entity-list' },
  { props: { authority: ['European Union'], program: ['EU financial sanctions'] }, datasets: ['eu_fsf'], list: 'eu-fsf' },
  { props: { authority: ['HM Treasury'] }, datasets: ['gb_hmt_sanctions'], list: 'uk-sanctions' },
  { props: { authority: ['Ministry of Foreign Affairs of Japan'] }, datasets: ['jp_mof_sanctions'], list: 'PREFIXlist-ministry-of-foreign-affairs-of-japan-d5a3424b' },
];

type Line = Record<string, unknown>;

export async function writeSyntheticFtm(file: string, opts: SyntheticOptions): Promise<SyntheticExpectation> {
  const rand = prng(opts.seed ?? 7);
  const int = (n: number) => Math.floor(rand() * n);
  const badEvery = opts.badEvery ?? 0;
  const badCount = badEvery > 0 ? Math.floor(opts.records / badEvery) : 0;
  const good = opts.records - badCount;
  const nEntities = Math.max(4, Math.round(good * 0.45));
  const nSanctions = Math.max(1, Math.round(good * 0.05));
  const nDirectorships = Math.max(1, Math.round(good * 0.05));
  const nOwnerships = good - nEntities - nSanctions - nDirectorships;
  if (nOwnerships < 1) throw new Error('too few records for a synthetic file');

  const exp: SyntheticExpectation = { lines: opts.records, entities: 0, persons: 0, stateBodies: 0, vehicles: 0, owns: 0, controls: 0, decisions: 0, decisionsByList: {}, rejections: [], samples: [] };
  const goodLines: Line[] = [];
  const kinds: string[] = [];
  for (let n = 0; n < nEntities; n++) {
    const r = rand();
    const id = `syn-e${n}`;
    const datasets = ['synthetic_registry'];
    if (r < 0.12) {
      kinds.push('Person');
      goodLines.push({ id, schema: 'Person', properties: { name: [`Synthetic Person ${n}`], nationality: ['cn'], birthDate: [`19${50 + (n % 50)}`] }, datasets });
    } else if (r < 0.17) {
      kinds.push('StateBody');
      goodLines.push({ id, schema: 'PublicBody', properties: { name: [`Synthetic Assets Commission ${n}`], jurisdiction: ['cn'] }, datasets });
    } else if (r < 0.25) {
      kinds.push('InvestmentVehicle');
      goodLines.push({ id, schema: 'Organization', properties: { name: [`Synthetic Industry Partners ${n}`], legalForm: ['limited partnership'], country: ['cn'] }, datasets });
    } else {
      kinds.push('Company');
      const props: Record<string, string[]> = { name: [`Synthetic Company ${n} Co., Ltd.`, `合成公司${n}`], jurisdiction: ['cn'], registrationNumber: [`91330000SYN${String(n).padStart(7, '0')}`] };
      if (n % 7 === 0) props.alias = [`SynCo ${n}`];
      goodLines.push({ id, schema: r < 0.3 ? 'LegalEntity' : 'Company', properties: props, datasets });
    }
  }
  exp.entities = nEntities;
  exp.persons = kinds.filter((k) => k === 'Person').length;
  exp.stateBodies = kinds.filter((k) => k === 'StateBody').length;
  exp.vehicles = kinds.filter((k) => k === 'InvestmentVehicle').length;
  const ownable = kinds.flatMap((k, n) => (k === 'Company' || k === 'InvestmentVehicle' ? [n] : []));
  const people = kinds.flatMap((k, n) => (k === 'Person' ? [n] : []));
  const organisations = kinds.flatMap((k, n) => (k !== 'Person' ? [n] : []));

  for (let n = 0; n < nOwnerships; n++) {
    // Owners come before what they own in entity order, so the synthetic graph has no cycles.
    let asset = ownable[int(ownable.length)]!;
    if (asset === 0) asset = ownable.find((x) => x > 0) ?? 1;
    const owner = int(asset);
    const [values, percent, percentMin, percentMax] = PERCENTAGES[n % PERCENTAGES.length]!;
    const start = n % 3 === 0 ? null : `${2000 + (n % 24)}-${String(1 + (n % 12)).padStart(2, '0')}-15`;
    const props: Record<string, string[]> = { owner: [`syn-e${owner}`], asset: [`syn-e${asset}`] };
    if (values.length > 0) props.percentage = values;
    if (start) props.startDate = [start];
    const id = `syn-own-${n}`;
    goodLines.push({ id, schema: 'Ownership', properties: props, datasets: ['synthetic_registry'] });
    if (n < PERCENTAGES.length) exp.samples.push({ edgeId: id, percent, percentMin, percentMax, start });
  }
  exp.owns = nOwnerships;
  for (let n = 0; n < nDirectorships; n++) {
    const director = people.length > 0 ? people[int(people.length)]! : 0;
    let org = organisations[int(organisations.length)]!;
    if (org === director) org = organisations.find((o) => o !== director)!;
    goodLines.push({ id: `syn-dir-${n}`, schema: 'Directorship', properties: { director: [`syn-e${director}`], organization: [`syn-e${org}`], role: ['Director'], startDate: ['2018-03-01'] }, datasets: ['synthetic_registry'] });
  }
  exp.controls = nDirectorships;
  for (let n = 0; n < nSanctions; n++) {
    const shape = SANCTIONS[n % SANCTIONS.length]!;
    const props: Record<string, string[]> = { entity: [`syn-e${int(nEntities)}`], ...shape.props, listingDate: [`20${10 + (n % 14)}-03-01`] };
    const ended = n % 11 === 5;
    if (ended) props.endDate = ['2024-06-30'];
    goodLines.push({ id: `syn-san-${n}`, schema: 'Sanction', properties: props, datasets: shape.datasets });
    const count = ended ? 2 : 1;
    exp.decisions += count;
    exp.decisionsByList[shape.list] = (exp.decisionsByList[shape.list] ?? 0) + count;
  }

  // Shuffle (Fisher–Yates with the seeded PRNG), then put a bad record on every badEvery-th line.
  for (let i = goodLines.length - 1; i > 0; i--) {
    const j = int(i + 1);
    [goodLines[i], goodLines[j]] = [goodLines[j]!, goodLines[i]!];
  }
  const out = createWriteStream(file);
  let g = 0;
  let b = 0;
  let chunk = '';
  for (let line = 1; line <= opts.records; line++) {
    let rec: Line;
    if (badEvery > 0 && line % badEvery === 0) {
      rec = badRecord(b++, nEntities, line, exp.rejections);
    } else {
      rec = goodLines[g++]!;
    }
    chunk += `${JSON.stringify(rec)}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return exp;
}

function badRecord(n: number, nEntities: number, line: number, rejections: ExpectedRejection[]): Line {
  const owned = `syn-e${1 + (n % (nEntities - 1))}`;
  switch (n % 3) {
    case 0: {
      const id = `syn-bad-pct-${n}`;
      rejections.push({ line, id, reason: `percentage over 100 '${101 + (n % 50)}%'` });
      return { id, schema: 'Ownership', properties: { owner: ['syn-e0'], asset: [owned], percentage: [`${101 + (n % 50)}%`] }, datasets: ['synthetic_registry'] };
    }
    case 1: {
      const id = `syn-bad-ref-${n}`;
      // Lower case, so its graph id is the prefix and the id itself (no hash suffix).
      const ghost = `syn-ghost-${n}`;
      rejections.push({ line, id, reason: `unknown reference: owner 'PREFIX${ghost}' is neither in this import nor in the graph` });
      return { id, schema: 'Ownership', properties: { owner: [ghost], asset: [owned], percentage: ['20%'] }, datasets: ['synthetic_registry'] };
    }
    default:
      rejections.push({ line, id: null, reason: 'missing id' });
      return { schema: 'Company', properties: { name: [`Synthetic Company Without Id ${n}`] }, datasets: ['synthetic_registry'] };
  }
}
