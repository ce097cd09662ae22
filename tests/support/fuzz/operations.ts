// The API's operations as the fuzz and injection tests see them: read from the server's own OpenAPI
// document (so a new route is fuzzed without anyone remembering to add it), with every $ref resolved,
// plus an oracle that says whether a value is valid for one field, by that field's JSON Schema and the
// way the server reads it (query values are strings the zod schemas coerce with Number()).
import type { ValidateFunction } from 'ajv';
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

// CommonJS modules seen from ESM: the classes are on `.default` (as in tests/integration/openapi.test.ts).
const Ajv2020 = Ajv2020Module.default;
const addFormats = addFormatsModule.default;

export type Schema = Record<string, unknown>;
export type Location = 'query' | 'params' | 'body';

export interface Param {
  name: string;
  in: 'query' | 'params';
  required: boolean;
  schema: Schema;
}

export interface Operation {
  /** e.g. `PUT /ownerships/{id}` (paths relative to /api/v1). */
  key: string;
  method: string;
  path: string;
  params: Param[];
  body: { required: boolean; contentTypes: string[]; schema: Schema | null } | null;
  /** Whether the operation needs the API key (write routes). */
  needsKey: boolean;
  /** Response statuses the document lists for the operation. */
  statuses: number[];
}

type Doc = { paths: Record<string, Record<string, OperationObject>>; components?: { schemas?: Record<string, Schema> } };
type OperationObject = {
  parameters?: { name: string; in: string; required?: boolean; schema: Schema }[];
  requestBody?: { required?: boolean; content: Record<string, { schema?: Schema }> };
  security?: Record<string, unknown>[];
  responses: Record<string, unknown>;
};

/** Replaces every `$ref: '#/components/schemas/X'` by a copy of X (the request schemas have no cycles). */
function resolve(schema: unknown, doc: Doc, depth = 0): unknown {
  if (depth > 20) throw new Error('schema nesting too deep (a $ref cycle?)');
  if (Array.isArray(schema)) return schema.map((s) => resolve(s, doc, depth + 1));
  if (schema === null || typeof schema !== 'object') return schema;
  const ref = (schema as { $ref?: unknown }).$ref;
  if (typeof ref === 'string') {
    const name = ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    return resolve(target, doc, depth + 1);
  }
  return Object.fromEntries(Object.entries(schema).map(([k, v]) => [k, resolve(v, doc, depth + 1)]));
}

export function operationsOf(document: unknown): Operation[] {
  const doc = document as Doc;
  const out: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
      const params = (op.parameters ?? []).map((p) => ({
        name: p.name,
        in: p.in === 'path' ? ('params' as const) : ('query' as const),
        required: p.required === true || p.in === 'path',
        schema: resolve(p.schema, doc) as Schema,
      }));
      const content = op.requestBody?.content ?? {};
      const json = content['application/json']?.schema;
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params,
        body: op.requestBody
          ? { required: op.requestBody.required === true, contentTypes: Object.keys(content), schema: json ? (resolve(json, doc) as Schema) : null }
          : null,
        needsKey: !(op.security ?? [{}]).some((s) => Object.keys(s).length === 0),
        statuses: Object.keys(op.responses).map(Number),
      });
    }
  }
  return out;
}

/** The body schema's properties and required names, when the body is an object (else empty). */
export function bodyFields(op: Operation): { properties: Record<string, Schema>; required: string[] } {
  const schema = op.body?.schema;
  const properties = (schema?.properties ?? {}) as Record<string, Schema>;
  return { properties, required: (schema?.required ?? []) as string[] };
}

export function types(schema: Schema): string[] {
  const t = schema.type;
  return Array.isArray(t) ? (t as string[]) : typeof t === 'string' ? [t] : [];
}

/**
 * Whether the server must accept `value` for a field with this schema, judged by the schema alone (so
 * rules that span fields are not considered). It may say "valid" for a value the server still refuses
 * (the server's checks are stricter: calendar years before 100, ids split from a comma list) but it
 * never says "invalid" for a value the server accepts — the fuzz test relies on that direction only.
 */
export class FieldOracle {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true });
  private readonly compiled = new WeakMap<Schema, ValidateFunction>();

  constructor() {
    addFormats(this.ajv);
  }

  /** `value`: as the server received it (decoded query value — a string or, repeated, an array — or JSON). */
  valid(schema: Schema, value: unknown, required: boolean, location: Location): boolean {
    if (value === undefined) return !required;
    let v = value;
    if (location !== 'body') {
      const t = types(schema);
      // z.coerce.number(): Number(value), so '' is 0 and a repeated parameter (an array) is NaN.
      if ((t.includes('number') || t.includes('integer')) && !t.includes('string')) {
        v = Array.isArray(value) ? Number.NaN : Number(value);
        if (!Number.isFinite(v as number)) return false;
      }
    }
    let validate = this.compiled.get(schema);
    if (!validate) {
      validate = this.ajv.compile(schema);
      this.compiled.set(schema, validate);
    }
    return validate(v) === true;
  }
}
