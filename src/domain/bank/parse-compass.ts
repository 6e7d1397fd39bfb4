import * as v from 'valibot';
import { checkBank } from './check-bank.ts';
import { compassSchema } from './schema.ts';
import type { BankIssue, Compass } from './types.ts';

export type ParseResult =
  | { readonly ok: true; readonly compass: Compass }
  | { readonly ok: false; readonly issues: readonly BankIssue[] };

/**
 * Parses an assembled compass from untrusted data (YAML at build time, JSON in the browser):
 * first the shape, then the cross rules. Every problem comes back as an issue with a path;
 * nothing throws and nothing half-valid is returned.
 */
export function parseCompass(
  input: unknown,
  programmes: Readonly<Record<string, string>> = {},
): ParseResult {
  const parsed = v.safeParse(compassSchema, input);
  if (!parsed.success) return { ok: false, issues: parsed.issues.map(toBankIssue) };
  const compass: Compass = parsed.output;
  const issues = checkBank(compass, programmes);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, compass };
}

function toBankIssue(issue: v.BaseIssue<unknown>): BankIssue {
  const path = (issue.path ?? []).map((item) => item.key as string | number);
  if (issue.type === 'strict_object' || issue.type === 'object') {
    const key = String(path[path.length - 1] ?? '');
    const where = path.length > 1 ? ` in ${describe(path.slice(0, -1))}` : '';
    if (issue.received === 'undefined' || issue.input === undefined)
      return { path: path.slice(0, -1), message: `missing field "${key}"${where}; add it` };
    if (issue.expected === 'never')
      return { path, message: `unknown field "${key}"${where}; check the spelling or remove it` };
    return {
      path,
      message: `${describe(path)} must be a mapping of fields (key: value), not ${JSON.stringify(issue.input)}`,
    };
  }
  return { path, message: issue.message };
}

function describe(path: readonly (string | number)[]): string {
  const text = path.reduce<string>(
    (out, p) => (typeof p === 'number' ? `${out}[${p + 1}]` : out ? `${out}.${p}` : p),
    '',
  );
  return text || 'the file';
}
