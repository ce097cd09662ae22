// The OpenAPI 3.1 document, generated from the same zod schemas the routes parse with (one source of
// truth) by @asteasolutions/zod-to-openapi. Every route under /api/v1 is registered here; the test in
// tests/integration/openapi.test.ts fails when a route exists in the app but not in this document.
import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { EXPORT_FORMATS, FORMATS } from '../../formats/export/index.js';
import { IdParams } from '../schemas/common.js';
import { DecisionsPageResponse, DecisionsQuery } from '../schemas/decisions.js';
import { ChainQuery, SearchQuery } from '../schemas/entities.js';
import {
  DecisionBody,
  EntityExposureQuery,
  ExposureChangesQuery,
  ExposureListQuery,
  OwnershipBody,
  RecordIdParams,
} from '../schemas/exposure.js';
import { ChainGraphSchema } from '../schemas/graph.js';
import { ImportEnvelope, ImportJobSchema, ImportQuery, JobParams } from '../schemas/imports.js';
import { PathsBody, PathsResponse } from '../schemas/paths.js';
import { SubgraphExportBody, SubgraphQuery } from '../schemas/subgraph.js';
import {
  DecisionCreatedResponse,
  EntityDetailsResponse,
  EntityExposureResponse,
  ExposureChangesResponse,
  ExposurePageResponse,
  HealthSchema,
  ListsResponse,
  OwnershipDeletedResponse,
  OwnershipPutResponse,
  ProblemSchema,
  ReadySchema,
  SearchResponse,
} from './responses.js';

const PROBLEM_JSON = 'application/problem+json';

const PROBLEMS: Record<number, string> = {
  400: 'Invalid input: `errors[].path` names each wrong field (e.g. `query.depth`, `body.maxHops`)',
  401: 'API key missing or wrong (reads need it when the server sets READ_API_KEY_REQUIRED)',
  403: 'Writes are disabled: the server has no API_KEY',
  404: 'Unknown entity (or record) id',
  409: 'A record with this id already exists',
  413: 'Request body over 1 MB',
  414: 'Request URL too long (MAX_URL_LENGTH)',
  429: 'Rate limit exceeded (RATE_LIMIT_PER_MINUTE); see Retry-After',
  431: 'Request line and headers over 16 KB (answered before routing; the connection is closed)',
  503: 'Database unavailable or the query ran past its time limit; see Retry-After',
};

/** Headers on every answer: the request id (the caller's X-Request-Id when safe, else a new UUID). */
const REQUEST_ID = {
  'X-Request-Id': z.string().meta({ description: "The request's id, also in problem documents (requestId) and the server's log line" }),
};
const RETRY_AFTER = { 'Retry-After': z.string().meta({ description: 'Seconds to wait before retrying' }) };

function problems(...codes: number[]): RouteConfig['responses'] {
  return Object.fromEntries(
    [...new Set([401, 414, 429, 431, 503, ...codes])].sort().map((code) => [
      code,
      {
        description: PROBLEMS[code] ?? 'Problem',
        headers: z.object(code === 429 || code === 503 ? { ...REQUEST_ID, ...RETRY_AFTER } : REQUEST_ID),
        content: { [PROBLEM_JSON]: { schema: ProblemSchema } },
      },
    ]),
  );
}

const json = (schema: z.ZodType, description: string) => ({ description, headers: z.object(REQUEST_ID), content: { 'application/json': { schema } } });

const EXPORT_HEADERS = z.object({
  ...REQUEST_ID,
  'Content-Disposition': z.string().meta({ description: 'attachment; filename="ownership-<root>-<asOf>.<ext>"' }),
  'X-Export-Nodes': z.string().meta({ description: 'Entities in the file' }),
  'X-Export-Edges': z.string().meta({ description: 'OWNS and CONTROLS edges in the file' }),
  'X-Export-Truncated': z.string().meta({ description: "'true' when the subgraph stopped at the export node cap" }),
});

/** One content entry per media type the export formats produce (cyjs and bods share application/json). */
function exportContent() {
  const content: Record<string, { schema: z.ZodType }> = {};
  for (const name of EXPORT_FORMATS) {
    const type = FORMATS[name].contentType.split(';')[0]!;
    const schema =
      type === 'application/json'
        ? z.union([z.object({ elements: z.object({ nodes: z.array(z.unknown()), edges: z.array(z.unknown()) }) }).meta({ description: 'cyjs' }), z.array(z.record(z.string(), z.unknown())).meta({ description: 'bods: BODS 0.4 statements' })])
        : z.string().meta({ description: `${name} file` });
    content[type] ??= { schema };
  }
  return content;
}

const exportResponses = (): RouteConfig['responses'] => ({
  200: { description: 'The file, streamed; named by Content-Disposition', headers: EXPORT_HEADERS, content: exportContent() },
  ...problems(400, 404),
});

/** Reads are open unless the server requires the key for them too. */
const READ_SECURITY: Record<string, string[]>[] = [{}, { apiKey: [] }];
const WRITE_SECURITY: Record<string, string[]>[] = [{ apiKey: [] }];

function build(): OpenAPIRegistry {
  const r = new OpenAPIRegistry();
  r.registerComponent('securitySchemes', 'apiKey', {
    type: 'http',
    scheme: 'bearer',
    description: 'The server\'s API_KEY, as `Authorization: Bearer <key>`. Needed for writes; for reads only when READ_API_KEY_REQUIRED=true.',
  });
  const read = (c: Omit<RouteConfig, 'security'>) => r.registerPath({ ...c, security: READ_SECURITY });
  const write = (c: Omit<RouteConfig, 'security'>) => r.registerPath({ ...c, security: WRITE_SECURITY });

  r.registerPath({ method: 'get', path: '/health', tags: ['health'], summary: 'Liveness: the process answers', security: [{}], responses: { 200: json(HealthSchema, 'Up') } });
  r.registerPath({
    method: 'get',
    path: '/ready',
    tags: ['health'],
    summary: 'Readiness: the database answers',
    security: [{}],
    responses: { 200: json(ReadySchema, 'Ready'), 503: { description: PROBLEMS[503]!, headers: z.object({ ...REQUEST_ID, ...RETRY_AFTER }), content: { [PROBLEM_JSON]: { schema: ProblemSchema } } } },
  });
  r.registerPath({
    method: 'get',
    path: '/openapi.json',
    tags: ['health'],
    summary: 'This document',
    security: [{}],
    responses: { 200: json(z.record(z.string(), z.unknown()).meta({ description: 'OpenAPI 3.1 document' }), 'The OpenAPI document') },
  });

  read({
    method: 'get',
    path: '/entities',
    tags: ['entities'],
    summary: 'Full-text search over names, aliases and identifiers (keyset-paged)',
    request: { query: SearchQuery },
    responses: { 200: json(SearchResponse, 'One page of matches'), ...problems(400) },
  });
  read({
    method: 'get',
    path: '/entities/{id}',
    tags: ['entities'],
    summary: 'An entity with the listing decisions that name it and their sources',
    request: { params: IdParams },
    responses: { 200: json(EntityDetailsResponse, 'The entity'), ...problems(400, 404) },
  });
  for (const [segment, what] of [['owners', 'Owners and controllers, up the chain'], ['subsidiaries', 'What it owns or controls, down the chain']] as const) {
    read({
      method: 'get',
      path: `/entities/{id}/${segment}`,
      tags: ['entities'],
      summary: what,
      request: { params: IdParams, query: ChainQuery },
      responses: { 200: json(ChainGraphSchema, 'The chain as a graph'), ...problems(400, 404) },
    });
  }

  read({
    method: 'get',
    path: '/entities/{id}/exposure',
    tags: ['exposure'],
    summary: 'Exposure determinations per list, with explanations',
    request: { params: IdParams, query: EntityExposureQuery },
    responses: { 200: json(EntityExposureResponse, 'One determination per list'), ...problems(400, 404) },
  });
  read({
    method: 'get',
    path: '/exposure',
    tags: ['exposure'],
    summary: 'Every non-clear entity of a list on a date, keyset-paged',
    request: { query: ExposureListQuery },
    responses: { 200: json(ExposurePageResponse, 'One page'), ...problems(400) },
  });
  read({
    method: 'get',
    path: '/exposure/changes',
    tags: ['exposure'],
    summary: 'Entities whose status differs between two dates, and why',
    request: { query: ExposureChangesQuery },
    responses: { 200: json(ExposureChangesResponse, 'The changes'), ...problems(400) },
  });
  read({ method: 'get', path: '/lists', tags: ['exposure'], summary: 'The lists and their rules', responses: { 200: json(ListsResponse, 'The lists'), ...problems() } });
  read({
    method: 'get',
    path: '/decisions',
    tags: ['entities'],
    summary: 'Listing decisions, oldest first, keyset-paged: all, or those naming any of the given entities, optionally on one list',
    request: { query: DecisionsQuery },
    responses: { 200: json(DecisionsPageResponse, 'One page of decisions'), ...problems(400) },
  });

  read({
    method: 'post',
    path: '/paths',
    tags: ['paths'],
    summary: 'How is A connected to B: ownership chains (direction-aware) or any connection',
    description:
      'Bounded by maxHops (≤ 10), limit (≤ 100) and the transaction timeout; `truncated`/`cutOff` say when a result was cut off. Edges are valid on asOf; minPercent filters OWNS edges on their upper bound.',
    request: { body: { required: true, content: { 'application/json': { schema: PathsBody } } } },
    responses: { 200: json(PathsResponse, 'Paths, shortest first, and their merged subgraph'), ...problems(400, 404, 413) },
  });
  read({
    method: 'get',
    path: '/subgraph',
    tags: ['exports'],
    summary: 'Export the ownership neighbourhood of one or more entities',
    request: { query: SubgraphQuery },
    responses: exportResponses(),
  });
  read({
    method: 'post',
    path: '/subgraph/export',
    tags: ['exports'],
    summary: 'Export the subgraph of a path query, or of chosen entities and the edges among them',
    request: { body: { required: true, content: { 'application/json': { schema: SubgraphExportBody } } } },
    responses: exportResponses(),
  });

  write({
    method: 'post',
    path: '/decisions',
    tags: ['writes'],
    summary: 'Record a listing decision (refreshes the materialised exposure)',
    request: { body: { required: true, content: { 'application/json': { schema: DecisionBody } } } },
    responses: { 201: json(DecisionCreatedResponse, 'Created'), ...problems(400, 403, 409, 413) },
  });
  write({
    method: 'put',
    path: '/ownerships/{id}',
    tags: ['writes'],
    summary: 'Create or replace an OWNS edge',
    request: { params: RecordIdParams, body: { required: true, content: { 'application/json': { schema: OwnershipBody } } } },
    responses: { 200: json(OwnershipPutResponse, 'Replaced'), 201: json(OwnershipPutResponse, 'Created'), ...problems(400, 403, 413) },
  });
  write({
    method: 'delete',
    path: '/ownerships/{id}',
    tags: ['writes'],
    summary: 'Delete an OWNS edge',
    request: { params: RecordIdParams },
    responses: { 200: json(OwnershipDeletedResponse, 'Deleted'), ...problems(400, 403, 404) },
  });

  write({
    method: 'post',
    path: '/imports',
    tags: ['writes'],
    summary: 'Import FtM, BODS, CSV or GLEIF data (idempotent); the answer is the job with its report',
    description:
      'With `format`, the body is the file itself (application/x-ndjson, application/json or text/csv; gzip allowed). Without, a JSON envelope ' +
      '{format, dataset, files}. The import runs as a job: 200 with the finished job, or 202 with the running one to poll (Location).',
    request: {
      query: ImportQuery,
      body: {
        required: true,
        content: {
          'application/json': { schema: z.union([ImportEnvelope, z.unknown().meta({ description: 'A BODS JSON file (with ?format=bods)' })]) },
          'application/x-ndjson': { schema: z.string().meta({ description: 'FollowTheMoney entities or BODS statements, one JSON per line' }) },
          'text/csv': { schema: z.string().meta({ description: 'A CSV file (columns as in the CSV export)' }) },
        },
      },
    },
    responses: {
      200: json(ImportJobSchema, 'The finished import job and its report'),
      202: json(ImportJobSchema, 'Still running: poll GET /imports/{id} (Location)'),
      ...problems(400, 403, 413),
    },
  });
  write({
    method: 'get',
    path: '/imports',
    tags: ['writes'],
    summary: 'Import jobs since the server started',
    responses: {
      200: json(
        z.object({
          jobs: z.array(
            ImportJobSchema.omit({ report: true }).extend({
              summary: z
                .object({ read: z.number().int(), created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), rejected: z.number().int() })
                .nullable(),
            }),
          ),
        }),
        'The jobs',
      ),
      ...problems(403),
    },
  });
  write({
    method: 'get',
    path: '/imports/{id}',
    tags: ['writes'],
    summary: 'One import job, with its progress or report',
    request: { params: JobParams },
    responses: { 200: json(ImportJobSchema, 'The job'), ...problems(400, 403, 404) },
  });
  return r;
}

let cached: object | null = null;

export function openApiDocument(): object {
  cached ??= new OpenApiGeneratorV31(build().definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Ownership Explorer API',
      version: '1.0.0',
      description:
        'Corporate ownership graphs and the sanctions exposure they pass on. Which entities inherit sanctions exposure, under which regime, as of which date, and why. Every query takes `asOf` (default today). ' +
        'Errors are application/problem+json with a stable `type`; lists are keyset-paged with opaque cursors; responses carry X-Request-Id.',
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/api/v1' }],
    tags: [
      { name: 'entities', description: 'Search, details and ownership chains' },
      { name: 'exposure', description: 'Who inherits sanctions exposure, under which regime, as of which date, and why' },
      { name: 'paths', description: 'How two entities are connected' },
      { name: 'exports', description: 'Subgraphs as files for Cytoscape, Gephi, yEd, NetworkX, spreadsheets, FollowTheMoney and BODS tools' },
      { name: 'writes', description: 'The write API and imports (API key)' },
      { name: 'health', description: 'Probes and this document' },
    ],
  });
  return cached;
}
