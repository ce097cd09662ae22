// Reads a case directory (seed/hikvision/*.json) and the regimes file (seed/lists.json), validates
// every record with zod and checks that every reference resolves, so a bad seed fails before any
// write with the file and field at fault.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { isIsoDate } from '../domain/dates.js';
import { DECISION_ACTIONS, ENTITY_KINDS, type ControlEdge, type Entity, type ListingDecision, type OwnershipEdge, type Source } from '../domain/model.js';
import { parseRegimeFile, type Regime } from '../domain/exposure/regime.js';

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case and URL-safe');
const Day = z.string().refine(isIsoDate, 'must be a calendar date YYYY-MM-DD');
const Percent = z.number().min(0).max(100);

const SourceSchema = z.object({
  id: Id,
  publisher: z.string().min(1),
  title: z.string().min(1),
  date: Day.nullable(),
  url: z.string().url().nullable().default(null),
  file: z.string().nullable().default(null),
  note: z.string().nullable().optional(),
});

const EntitySchema = z.object({
  id: Id,
  kind: z.enum(ENTITY_KINDS),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)).default([]),
  country: z.string().regex(/^[a-z]{2}$/).nullable().default(null),
  identifiers: z.array(z.object({ scheme: z.string().min(1), value: z.string().min(1) })).default([]),
  description: z.string().nullable().default(null),
  sourceIds: z.array(Id).min(1, 'every entity needs a source'),
});

const Window = { start: Day.nullable().default(null), end: Day.nullable().default(null), sourceIds: z.array(Id).min(1, 'every edge needs a source') };

const OwnsSchema = z
  .object({
    id: Id,
    owner: Id,
    owned: Id,
    percent: Percent.nullable().default(null),
    percentMin: Percent.nullable().default(null),
    percentMax: Percent.nullable().default(null),
    minInclusive: z.boolean().default(true),
    maxInclusive: z.boolean().default(true),
    ...Window,
  })
  .refine((e) => e.percentMin === null || e.percentMax === null || e.percentMin <= e.percentMax, { message: 'percentMin above percentMax', path: ['percentMin'] })
  .refine((e) => e.start === null || e.end === null || e.start < e.end, { message: 'end must be after start', path: ['end'] });

const ControlSchema = z.object({ id: Id, controller: Id, controlled: Id, basis: z.string().min(1), ...Window });

const DecisionSchema = z.object({
  id: Id,
  listId: Id,
  action: z.enum(DECISION_ACTIONS),
  date: Day,
  effective: Day.nullable().default(null),
  citation: z.string().min(1),
  summary: z.string().min(1),
  entityIds: z.array(Id),
  sourceIds: z.array(Id).min(1, 'every decision needs a source'),
});

export interface CaseData {
  sources: Source[];
  entities: Entity[];
  ownership: OwnershipEdge[];
  control: ControlEdge[];
  decisions: ListingDecision[];
}

export class SeedFileError extends Error {}

async function readArray<T>(dir: string, file: string, schema: z.ZodType<T>): Promise<T[]> {
  const full = path.join(dir, file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(full, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new SeedFileError(`${file}: ${(err as Error).message}`);
  }
  const parsed = z.array(schema).safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${file}[${i.path.join('.')}]: ${i.message}`);
    throw new SeedFileError(issues.join('\n'));
  }
  return parsed.data;
}

export async function readRegimes(file: string): Promise<Regime[]> {
  return parseRegimeFile(JSON.parse(await readFile(file, 'utf8'))).lists;
}

export async function readCase(dir: string, listIds: ReadonlySet<string>): Promise<CaseData> {
  const sources = await readArray(dir, 'sources.json', SourceSchema);
  const rawEntities = await readArray(dir, 'entities.json', EntitySchema);
  const data: CaseData = {
    sources: sources.map(({ note: _note, ...s }) => s),
    entities: rawEntities.map((e) => ({ ...e })),
    ownership: await readArray(dir, 'ownership.json', OwnsSchema),
    control: await readArray(dir, 'control.json', ControlSchema),
    decisions: await readArray(dir, 'decisions.json', DecisionSchema),
  };
  checkReferences(data, listIds);
  return data;
}

function checkReferences(d: CaseData, listIds: ReadonlySet<string>): void {
  const problems: string[] = [];
  const sourceIds = new Set(d.sources.map((s) => s.id));
  const entityIds = new Set(d.entities.map((e) => e.id));
  const need = (set: Set<string> | ReadonlySet<string>, id: string, where: string) => {
    if (!set.has(id)) problems.push(`${where}: unknown id '${id}'`);
  };
  for (const [file, rows] of [['sources', d.sources], ['entities', d.entities], ['ownership', d.ownership], ['control', d.control], ['decisions', d.decisions]] as const) {
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.id)) problems.push(`${file}.json: duplicate id '${r.id}'`);
      seen.add(r.id);
    }
  }
  for (const e of d.entities) e.sourceIds.forEach((s) => need(sourceIds, s, `entities.json ${e.id}.sourceIds`));
  for (const o of d.ownership) {
    need(entityIds, o.owner, `ownership.json ${o.id}.owner`);
    need(entityIds, o.owned, `ownership.json ${o.id}.owned`);
    o.sourceIds.forEach((s) => need(sourceIds, s, `ownership.json ${o.id}.sourceIds`));
  }
  for (const c of d.control) {
    need(entityIds, c.controller, `control.json ${c.id}.controller`);
    need(entityIds, c.controlled, `control.json ${c.id}.controlled`);
    c.sourceIds.forEach((s) => need(sourceIds, s, `control.json ${c.id}.sourceIds`));
  }
  for (const dec of d.decisions) {
    need(listIds, dec.listId, `decisions.json ${dec.id}.listId`);
    dec.entityIds.forEach((e) => need(entityIds, e, `decisions.json ${dec.id}.entityIds`));
    dec.sourceIds.forEach((s) => need(sourceIds, s, `decisions.json ${dec.id}.sourceIds`));
  }
  if (problems.length > 0) throw new SeedFileError(problems.slice(0, 20).join('\n'));
}
