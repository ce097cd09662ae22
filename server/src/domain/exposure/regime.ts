// A regime is a sanctions or restrictions list together with the rule that decides who inherits its
// exposure. Rules are data (seed/lists.json, or anything a user supplies) so adding or changing a regime
// needs no code: this module is the one place that says what a valid rule looks like.
import { z } from 'zod';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected an ISO date YYYY-MM-DD');

export const CitationSchema = z.object({
  citation: z.string().min(1),
  url: z.string().url().nullable().default(null),
  note: z.string().nullable().default(null),
});
export type Citation = z.infer<typeof CitationSchema>;

/** A half-open window [start, end) in which the rule's propagation is in force; null = unbounded. */
export const RuleWindowSchema = z
  .object({
    start: isoDate.nullable(),
    end: isoDate.nullable(),
    citations: z.array(CitationSchema).min(1),
    note: z.string().nullable().default(null),
  })
  .refine((w) => w.start === null || w.end === null || w.start < w.end, { message: 'start must be before end' });
export type RuleWindow = z.infer<typeof RuleWindowSchema>;

export const RuleSchema = z.object({
  /** Human name of the rule, used in explanations ("OFAC 50 Percent Rule"). */
  name: z.string().min(1),
  /** Percent of equity that listed parties must hold. */
  threshold: z.number().min(0).max(100),
  /** 'gte': at least the threshold (OFAC "50 percent or more"); 'gt': more than it (EU/UK "more than 50%"). */
  comparison: z.enum(['gte', 'gt']),
  /**
   * 'all': stakes of every listed party (and of every entity the rule already captures) are summed.
   * 'per-listed-party': stakes are summed per listed party only — its own holdings plus those of the
   * entities it captures — never across different listed parties (UK: no aggregation across persons).
   */
  aggregation: z.enum(['all', 'per-listed-party']),
  /** List ids whose listed entities count as listed parties for this rule; always includes the list itself. */
  countsAsListed: z.array(z.string().min(1)).default([]),
  /**
   * What a CONTROLS edge from a listed or captured party does: 'exposed' (the regime counts control,
   * the asserted control fact decides), 'possibly_exposed' (counts, but only as a possibility), or 'flag'
   * (control alone never decides; the investigator sees a controlled_by_listed flag).
   */
  control: z.enum(['exposed', 'possibly_exposed', 'flag']),
  /**
   * 'ownership': downward through OWNS edges (listed or captured owners pass their full stake).
   * 'affiliate': downward as 'ownership', and upward: an owner holding more than the threshold of a listed
   *   (or upward-captured) entity is captured too (NDAA 889 "affiliate": >10% either way, direct or indirect).
   * 'none': only entities listed themselves (NS-CMIC).
   */
  propagation: z.enum(['ownership', 'affiliate', 'none']),
  /** Windows in which propagation is in force; null means always. Listed entities stay listed regardless. */
  inForce: z.array(RuleWindowSchema).nullable().default(null),
  /** Aggregate lower bound (percent) from which a below-threshold holding is flagged significant_minority. */
  significantMinority: z.number().min(0).max(100).default(25),
  citations: z.array(CitationSchema).default([]),
  notes: z.array(z.string()).default([]),
});

export const RegimeSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'list ids are lower-case, URL-safe'),
    name: z.string().min(1),
    authority: z.string().min(1),
    jurisdiction: z.string().min(1),
    rule: RuleSchema,
  })
  .transform((r) => ({
    ...r,
    rule: { ...r.rule, countsAsListed: [...new Set([r.id, ...r.rule.countsAsListed])] },
  }));

export type Regime = z.output<typeof RegimeSchema>;
export type Rule = Regime['rule'];
export type RegimeInput = z.input<typeof RegimeSchema>;

export const RegimeFileSchema = z
  .object({
    version: z.literal(1),
    notes: z.array(z.string()).default([]),
    citations: z.array(CitationSchema).default([]),
    lists: z.array(RegimeSchema).min(1),
  })
  .superRefine((file, ctx) => {
    const ids = new Set<string>();
    for (const [i, list] of file.lists.entries()) {
      if (ids.has(list.id)) ctx.addIssue({ code: 'custom', path: ['lists', i, 'id'], message: `duplicate list id ${list.id}` });
      ids.add(list.id);
    }
    for (const [i, list] of file.lists.entries()) {
      for (const counted of list.rule.countsAsListed) {
        if (!ids.has(counted)) {
          ctx.addIssue({ code: 'custom', path: ['lists', i, 'rule', 'countsAsListed'], message: `unknown list id ${counted}` });
        }
      }
      const windows = [...(list.rule.inForce ?? [])].sort((a, b) => (a.start ?? '').localeCompare(b.start ?? ''));
      for (let w = 1; w < windows.length; w++) {
        const prevEnd = windows[w - 1]!.end;
        if (prevEnd === null || (windows[w]!.start ?? '') < prevEnd) {
          ctx.addIssue({ code: 'custom', path: ['lists', i, 'rule', 'inForce'], message: 'in-force windows overlap' });
        }
      }
    }
  });
export type RegimeFile = z.output<typeof RegimeFileSchema>;

export class RegimeValidationError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid regime data: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`);
    this.name = 'RegimeValidationError';
  }
}

function fail(error: z.ZodError): never {
  throw new RegimeValidationError(error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
}

/** Parses a whole lists file (already JSON-decoded); throws RegimeValidationError naming each bad field. */
export function parseRegimeFile(json: unknown): RegimeFile {
  const parsed = RegimeFileSchema.safeParse(json);
  return parsed.success ? parsed.data : fail(parsed.error);
}

/** Parses one regime, e.g. a user-supplied one; its countsAsListed ids are not checked against other lists. */
export function parseRegime(json: unknown): Regime {
  const parsed = RegimeSchema.safeParse(json);
  return parsed.success ? parsed.data : fail(parsed.error);
}

/** Whether the rule's propagation is in force on a date (windows are half-open [start, end)). */
export function ruleInForce(rule: Rule, asOf: string): boolean {
  if (rule.propagation === 'none') return false;
  if (rule.inForce === null) return true;
  return rule.inForce.some((w) => (w.start === null || w.start <= asOf) && (w.end === null || asOf < w.end));
}
