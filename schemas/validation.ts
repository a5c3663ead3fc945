import type { z } from 'zod';

/** One line per problem, `path: message`, for API answers and CLI output. */
export function describeIssues(error: z.ZodError, max = 5): string {
  const parts = error.issues.slice(0, max).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '';
    // Messages that already name their field ("sentAt is required") need no prefix.
    if (path === '' || issue.message.startsWith(`${path} `)) return issue.message;
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > max) parts.push(`… and ${error.issues.length - max} more`);
  return parts.join('; ');
}
