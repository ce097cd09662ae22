// zod at the edge: every route parses its params, query and body through here, so a bad value is a
// 400 problem naming the field (e.g. `query.depth`) and handlers only ever see typed, checked input.
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

export type InputLocation = 'params' | 'query' | 'body';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  // zod 4 still runs a schema's checks after its type check failed (`relTypes: "OWNS"` gets "expected
  // array" and also "string … <=2 characters"); a value of the wrong type only needs the type problem.
  const wrongType = new Set(parsed.error.issues.filter((i) => i.code === 'invalid_type').map((i) => i.path.join('\u0000')));
  const issues = parsed.error.issues.filter((i) => i.code === 'invalid_type' || !wrongType.has(i.path.join('\u0000')));
  throw new ValidationError(
    issues.map((issue) => {
      // Unrecognized keys name themselves rather than the object that holds them.
      const keys = 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
      const path = [location, ...issue.path.map(String), ...keys.slice(0, 1)].join('.');
      return { path, message: issue.message };
    }),
  );
}
