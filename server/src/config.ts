// The one place that reads process.env: parsed once with zod at start-up, so a bad setting fails
// fast with the variable's name instead of surfacing later as an odd runtime error.
import { z } from 'zod';

const boolFromEnv = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const neo4jUri = z
  .string()
  .regex(/^(bolt|bolt\+s|bolt\+ssc|neo4j|neo4j\+s|neo4j\+ssc):\/\/[^\s]+$/, 'must be a bolt://, neo4j:// or neo4j+s:// URI');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  NEO4J_URI: neo4jUri.optional(),
  NEO4J_USER: z.string().default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z.string().optional(),
  /** Embedded server settings, used only when NEO4J_URI is unset. */
  NEO4J_PORT: z.coerce.number().int().min(1).max(65535).default(7687),
  NEO4J_DATA_DIR: z.string().default('.data/neo4j'),
  NEO4J_HEAP: z.string().regex(/^\d+[mg]$/).default('2g'),
  NEO4J_PAGECACHE: z.string().regex(/^\d+[mg]$/).default('2g'),
  /** Per-transaction timeout for API reads, so one heavy query cannot hold the server. */
  QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  SEED_ON_EMPTY: boolFromEnv.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CLIENT_DIR: z.string().default('dist/client'),
  /** Bearer key of the write API (Authorization: Bearer <API_KEY>); unset → write routes answer 403. */
  API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Requests per minute per client address on /api (429 problem beyond it). */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  /** Whether read endpoints need the API key too (health, readiness and the OpenAPI document stay open). */
  READ_API_KEY_REQUIRED: boolFromEnv.default(false),
  /** Browser origins allowed to call the API cross-origin, comma-separated ('*' for any); empty: none. */
  CORS_ORIGINS: z
    .string()
    .default('')
    .transform((s) => s.split(',').map((o) => o.trim()).filter((o) => o.length > 0))
    .refine((list) => list.every((o) => o === '*' || /^https?:\/\/[^\s/]+$/.test(o)), 'must be origins such as https://example.org, comma-separated'),
  /** Longest request URL (path + query) accepted; longer ones get 414. */
  MAX_URL_LENGTH: z.coerce.number().int().min(256).max(65_536).default(4096),
}).refine((c) => !c.READ_API_KEY_REQUIRED || c.API_KEY !== undefined, {
  path: ['READ_API_KEY_REQUIRED'],
  message: 'is true but API_KEY is not set',
});

export type Config = z.infer<typeof EnvSchema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
