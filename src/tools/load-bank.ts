import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { type Document, isMap, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { checkContent } from '../domain/bank/check-content.ts';
import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { Compass } from '../domain/bank/types.ts';

/** One problem, located for a human: `file:line: message`. */
export interface LocatedIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export const formatIssue = (issue: LocatedIssue): string =>
  `${issue.file}:${issue.line}: ${issue.message}`;

export type LoadResult =
  | {
      readonly ok: true;
      readonly compass: Compass;
      readonly programmes: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly issues: readonly LocatedIssue[] };

/** The files of a compass folder, and where each part of the assembled compass comes from. */
const PARTS = {
  'compass.yaml': null,
  'parties.yaml': 'parties',
  'statements.yaml': 'statements',
  'glossary.yaml': 'glossary',
} as const;
type FileName = keyof typeof PARTS;

interface ParsedFile {
  readonly name: FileName;
  readonly display: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** Folders under `questionsDir` that hold a compass (a compass.yaml). */
export function compassFolders(questionsDir: string): string[] {
  return readdirSync(questionsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(questionsDir, d.name, 'compass.yaml')))
    .map((d) => join(questionsDir, d.name))
    .sort();
}

/**
 * Reads, parses and validates one compass folder with the same parser the browser uses, and
 * locates every problem at a file and line. `displayRoot` is what file names are shown relative to.
 */
export function loadBank(folder: string, displayRoot = process.cwd()): LoadResult {
  const issues: LocatedIssue[] = [];
  const files = new Map<FileName, ParsedFile>();
  for (const name of Object.keys(PARTS) as FileName[]) {
    const path = join(folder, name);
    const display = relative(displayRoot, path);
    if (!existsSync(path)) {
      if (name !== 'glossary.yaml')
        issues.push({
          file: display,
          line: 1,
          message: `${name} is missing from the compass folder`,
        });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, uniqueKeys: true });
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? 1;
      issues.push({
        file: display,
        line,
        message: `not valid YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')} (check indentation, colons and quotes on this line or the one above; put text containing ": " in double quotes)`,
      });
    }
    files.set(name, { name, display, doc, lines });
  }
  if (issues.length > 0) return { ok: false, issues };

  const assembled: Record<string, unknown> = {};
  for (const file of files.values()) {
    const value: unknown = file.doc.toJS();
    const key = PARTS[file.name];
    if (key === null) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        return {
          ok: false,
          issues: [
            {
              file: file.display,
              line: 1,
              message: 'compass.yaml must be a mapping (id:, version:, title: …)',
            },
          ],
        };
      }
      Object.assign(assembled, value);
    } else {
      assembled[key] = value;
    }
  }

  const programmes: Record<string, string> = {};
  const parties = Array.isArray(assembled.parties) ? (assembled.parties as unknown[]) : [];
  parties.forEach((party, i) => {
    const source = (party as { source?: { file?: unknown; sha256?: unknown } } | null)?.source;
    const id = (party as { id?: unknown } | null)?.id;
    if (typeof source?.file !== 'string' || typeof id !== 'string') return;
    const path = join(folder, source.file);
    const at = (...rest: (string | number)[]) => locate(files, ['parties', i, 'source', ...rest]);
    if (!existsSync(path)) {
      issues.push({
        ...at('file'),
        message: `party "${id}": programme file ${source.file} does not exist`,
      });
      return;
    }
    const bytes = readFileSync(path);
    const digest = createHash('sha256').update(bytes).digest('hex');
    if (typeof source.sha256 === 'string' && source.sha256 !== digest)
      issues.push({
        ...at('sha256'),
        message: `party "${id}": ${source.file} has changed since it was copied (sha256 ${digest}); programme copies must stay verbatim: restore the file, or update sha256 if the programme itself was re-captured`,
      });
    programmes[id] = bytes.toString('utf8');
  });

  const result = parseCompass(assembled, programmes);
  const problems = result.ok ? checkContent(result.compass) : result.issues;
  for (const issue of problems)
    issues.push({ ...locate(files, issue.path), message: issue.message });
  if (issues.length > 0) return { ok: false, issues: sortIssues(issues) };
  if (result.ok) return { ok: true, compass: result.compass, programmes };
  return { ok: false, issues };
}

function sortIssues(issues: LocatedIssue[]): LocatedIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Maps a path in the assembled compass to the file and line it was written on. */
function locate(
  files: ReadonlyMap<FileName, ParsedFile>,
  path: readonly (string | number)[],
): { file: string; line: number } {
  const [head, ...rest] = path;
  const entry = Object.entries(PARTS).find(([, key]) => key !== null && key === head);
  const file = entry ? files.get(entry[0] as FileName) : files.get('compass.yaml');
  const inFile = entry ? rest : path;
  if (!file) return { file: String(entry?.[0] ?? 'compass.yaml'), line: 1 };
  for (let n = inFile.length; n >= 0; n--) {
    const node = nodeAt(file.doc, inFile.slice(0, n));
    const offset = node?.range?.[0];
    if (offset !== undefined) return { file: file.display, line: file.lines.linePos(offset).line };
  }
  return { file: file.display, line: 1 };
}

function nodeAt(doc: Document.Parsed, path: readonly (string | number)[]): Node | null {
  let node: unknown = doc.contents;
  for (const key of path) {
    if (isMap(node)) node = node.get(key, true);
    else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
    else return null;
    if (node === undefined) return null;
  }
  return (node as Node | null) ?? null;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

/** Loads a bank that must be valid (tests, tools); throws with every problem otherwise. */
export function loadValidBank(folder: string): Compass {
  const result = loadBank(folder);
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join('\n'));
  return result.compass;
}
