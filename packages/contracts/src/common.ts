import type { z } from 'zod';

/** The first issue of a failed parse as `{ field, message }`, with the field as a dotted path. */
export function firstIssue(error: z.ZodError, prefix = ''): { field: string; message: string } {
  const issue = error.issues[0];
  const path = issue?.path.map(String).join('.') ?? '';
  return { field: [prefix, path].filter(Boolean).join('.') || prefix || 'body', message: issue?.message ?? 'invalid' };
}
