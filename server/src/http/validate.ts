// zod at the edge: every route parses its params, query and body through here, so a bad value is a
// 400 problem naming the field (e.g. `query.depth`) and handlers only ever see typed, checked input.
import type { z } from 'zod';
import { ValidationError } from '../errors.js';

export type InputLocation = 'params' | 'query' | 'body';

export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  throw new ValidationError(
    parsed.error.issues.map((issue) => {
      // Unrecognized keys name themselves rather than the object that holds them.
      const keys = 'keys' in issue && Array.isArray(issue.keys) ? (issue.keys as string[]) : [];
      const path = [location, ...issue.path.map(String), ...keys.slice(0, 1)].join('.');
      return { path, message: issue.message };
    }),
  );
}
