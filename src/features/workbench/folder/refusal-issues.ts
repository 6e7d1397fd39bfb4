import type { WorkbenchFailure } from '../api/client.ts';

/** The messages of a refusal's `issues` (422 `draft-invalid`, 400 `compass-invalid`), else none. */
export function refusalIssues(failure: WorkbenchFailure): string[] {
  if (failure.kind !== 'refused' || !Array.isArray(failure.details.issues)) return [];
  return (failure.details.issues as { message?: unknown }[]).map((issue) => String(issue.message));
}
