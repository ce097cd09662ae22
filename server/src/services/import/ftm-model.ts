// The shape of a FollowTheMoney entity as exported by OpenSanctions, Aleph and yente (one per line):
// {id, schema, properties: {prop: [string, …]}, datasets, first_seen, …}. Every property is a list
// of strings; these helpers read them without trusting the types.

export interface FtmRecord {
  id: string | null;
  schema: string | null;
  properties: Record<string, string[]>;
  datasets: string[];
  firstSeen: string | null;
  caption: string | null;
}

export const ENTITY_SCHEMAS = new Set(['Company', 'Organization', 'LegalEntity', 'Person', 'PublicBody']);
/** UnknownLink counts only when its role speaks of control (the FtM export writes CONTROLS so). */
export const LINK_SCHEMAS = new Set(['Ownership', 'Directorship', 'Control', 'UnknownLink', 'Sanction']);

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : [];

/** null when the value is not an object at all. */
export function readFtm(value: unknown): FtmRecord | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  const v = value as Record<string, unknown>;
  const props: Record<string, string[]> = {};
  const rawProps = v.properties;
  if (rawProps && typeof rawProps === 'object' && !Array.isArray(rawProps)) {
    for (const [k, p] of Object.entries(rawProps as Record<string, unknown>)) props[k] = strings(p);
  }
  const id = typeof v.id === 'string' && v.id.trim().length > 0 ? v.id.trim() : null;
  return {
    id,
    schema: typeof v.schema === 'string' ? v.schema : null,
    properties: props,
    datasets: strings(v.datasets),
    firstSeen: typeof v.first_seen === 'string' ? v.first_seen : null,
    caption: typeof v.caption === 'string' ? v.caption : null,
  };
}

/** All values of the properties named, in order, trimmed, empty ones dropped. */
export function prop(rec: FtmRecord, ...names: string[]): string[] {
  const out: string[] = [];
  for (const n of names) for (const v of rec.properties[n] ?? []) if (v.trim().length > 0) out.push(v.trim());
  return out;
}
