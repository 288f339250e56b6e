import type { z } from 'zod';

/** The state file could not be used: unreadable, not JSON, or not matching the schema. The file is left as it was. */
export class StateFileError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`Statusfilen ${file} kan inte användas: ${problem}. Filen har inte ändrats; rätta eller flytta den och starta igen.`);
    this.name = 'StateFileError';
  }
}

/** The first few issues as `$.path: message`, for a message that names where the problem is. */
export function describeIssues(error: z.ZodError, prefix = '$'): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${[prefix, ...issue.path].join('.')}: ${issue.message}`)
    .join('; ');
}
