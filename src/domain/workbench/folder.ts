/**
 * A compass as the bank's authoring folder (`questions/<id>/`, questions/README.md) and back, in
 * memory: file paths relative to the folder mapped to their text. The workbench exports a draft
 * as such a folder (zipped in the browser) and starts a workspace from one; the files are the ones
 * `npm run validate` and `npm run build` read, so a newsroom can move a compass into the bank.
 */
import {
  Document,
  isMap,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  type ToStringOptions,
} from 'yaml';
import { checkContent } from '../bank/check-content.ts';
import { parseCompass } from '../bank/parse-compass.ts';
import type { Compass, Localized, Party, Stance, Statement } from '../bank/types.ts';
import { sha256Hex } from './programme-text.ts';

/** A folder's files: path relative to the folder (`sources/s.txt`) → text. */
export type FolderFiles = Readonly<Record<string, string>>;

/** One problem in a folder, located for a human: `file:line: message`. */
export interface FolderIssue {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

export type FolderResult =
  | {
      readonly ok: true;
      /** The compass as the bank's parser returns it: the open data's shape, boilerplate kept. */
      readonly compass: Compass;
      /** Raw programme text by party id. */
      readonly programmes: Readonly<Record<string, string>>;
    }
  | { readonly ok: false; readonly issues: readonly FolderIssue[] };

/** The YAML files of a compass folder, and which part of the assembled compass each holds. */
const PARTS = {
  'compass.yaml': null,
  'parties.yaml': 'parties',
  'statements.yaml': 'statements',
  'glossary.yaml': 'glossary',
} as const;
type FileName = keyof typeof PARTS;

/** As the bank is written: plain keys, double-quoted texts, no folding of long lines. */
const WRITE: ToStringOptions = {
  lineWidth: 0,
  minContentWidth: 0,
  defaultKeyType: 'PLAIN',
  defaultStringType: 'QUOTE_DOUBLE',
};

const HEADERS: Record<FileName, string> = {
  'compass.yaml':
    ' Kompassen: namn, version, teman och innehållsregler. Läs questions/README.md.\n Exporterad från Redaktionen.',
  'parties.yaml':
    ' Partierna och deras program. sources/ innehåller ordagranna kopior av programmen.\n sha256 skyddar kopian: ändras en enda byte i filen stoppar npm run validate bygget.',
  'statements.yaml':
    ' Påståendena. Varje ståndpunkt måste ha ett ordagrant citat ur partiets program (sources/).\n Kör npm run validate.',
  'glossary.yaml': ' Ordlistan: svåra ord förklarade så att en 15-åring förstår.',
};

const SAFE_SOURCE = /^sources\/[A-Za-z0-9][A-Za-z0-9._-]*\.txt$/;

/**
 * Where each party's programme goes in the folder: its `source.file` when that is a plain file
 * under sources/ that no other party uses, else `sources/<party id>.txt`.
 */
function sourceFiles(parties: readonly Party[]): Map<string, string> {
  const used = new Set<string>();
  const files = new Map<string, string>();
  for (const p of parties) {
    const own = p.source.file;
    const file = SAFE_SOURCE.test(own) && !used.has(own) ? own : `sources/${p.id}.txt`;
    used.add(file);
    files.set(p.id, file);
  }
  return files;
}

/** sv, en, ar in that order, leaving out a language the text does not have. */
const localized = (text: Localized): Record<string, string> => ({
  sv: text.sv,
  ...(text.en !== undefined ? { en: text.en } : {}),
  ...(text.ar !== undefined ? { ar: text.ar } : {}),
});

function stanceValue(stance: Stance): Record<string, unknown> {
  return {
    position: stance.position,
    confidence: stance.confidence,
    ...(stance.quotes.length > 0 ? { quotes: [...stance.quotes] } : {}),
    ...(stance.rationale !== '' ? { rationale: stance.rationale } : {}),
  };
}

function statementValue(s: Statement, parties: readonly Party[]): Record<string, unknown> {
  return {
    id: s.id,
    theme: s.theme,
    direction: s.direction,
    text: localized(s.text),
    explainer: localized(s.explainer),
    ...(s.easy ? { easy: { text: s.easy.text, explainer: s.easy.explainer } } : {}),
    ...(s.terms.length > 0 ? { terms: [...s.terms] } : {}),
    stances: Object.fromEntries(parties.map((p) => [p.id, stanceValue(s.stances[p.id]!)])),
  };
}

function partyValue(p: Party, file: string): Record<string, unknown> {
  const { source } = p;
  return {
    id: p.id,
    name: p.name,
    short: p.short,
    municipality: p.municipality,
    colour: p.colour,
    source: {
      file,
      url: source.url,
      ...(source.title !== undefined ? { title: source.title } : {}),
      ...(source.seed !== undefined ? { seed: source.seed } : {}),
      ...(source.sha256 !== undefined ? { sha256: source.sha256 } : {}),
      ...(source.boilerplate.length > 0 ? { boilerplate: [...source.boilerplate] } : {}),
    },
  };
}

/** A YAML file's text; `shape` may restyle nodes (flow style, blank lines) before writing. */
function yamlText(name: FileName, value: unknown, shape?: (doc: Document) => void): string {
  const doc = new Document(value);
  doc.commentBefore = HEADERS[name];
  shape?.(doc);
  return doc.toString(WRITE);
}

/** Short mappings and lists on one line, and a blank line between list items, as the bank has. */
function flowAt(doc: Document, path: readonly (string | number)[]): void {
  const node = doc.getIn(path, true);
  if (isMap(node) || isSeq(node)) node.flow = true;
}
function spaceItems(doc: Document): void {
  if (isSeq(doc.contents))
    doc.contents.items.forEach((item, i) => {
      if (i > 0 && (isMap(item) || isSeq(item))) item.spaceBefore = true;
    });
}

/**
 * The folder of a compass: compass.yaml, parties.yaml, statements.yaml, glossary.yaml and each
 * party's programme, written verbatim under sources/. Loading the folder with the bank's loader
 * gives the same compass back (a programme's file name may change: see `sourceFiles`).
 */
export function compassToFolder(
  compass: Compass,
  programmes: Readonly<Record<string, string>>,
): Record<string, string> {
  const files = sourceFiles(compass.parties);
  const meta = {
    id: compass.id,
    version: compass.version,
    coded: compass.coded,
    title: localized(compass.title),
    description: localized(compass.description),
    themes: compass.themes.map((t) => ({ id: t.id, name: localized(t.name) })),
    rules: compass.rules,
  };
  const out: Record<string, string> = {
    'compass.yaml': yamlText('compass.yaml', meta, (doc) =>
      compass.themes.forEach((_, i) => flowAt(doc, ['themes', i, 'name'])),
    ),
    'parties.yaml': yamlText(
      'parties.yaml',
      compass.parties.map((p) => partyValue(p, files.get(p.id)!)),
      spaceItems,
    ),
    'statements.yaml': yamlText(
      'statements.yaml',
      compass.statements.map((s) => statementValue(s, compass.parties)),
      (doc) => {
        spaceItems(doc);
        compass.statements.forEach((s, i) => {
          flowAt(doc, [i, 'terms']);
          for (const p of compass.parties)
            if (s.stances[p.id]!.position === null) flowAt(doc, [i, 'stances', p.id]);
        });
      },
    ),
    'glossary.yaml': yamlText(
      'glossary.yaml',
      compass.glossary.map((g) => ({
        id: g.id,
        term: localized(g.term),
        definition: localized(g.definition),
      })),
      spaceItems,
    ),
  };
  for (const p of compass.parties) {
    const text = programmes[p.id];
    if (text !== undefined) out[files.get(p.id)!] = text;
  }
  return out;
}

interface ParsedFile {
  readonly name: FileName;
  readonly display: string;
  readonly doc: Document.Parsed;
  readonly lines: LineCounter;
}

/** `./a//b` → `a/b`: how a zip or a form may spell a path inside the folder. */
const cleanPath = (path: string): string =>
  path
    .split(/[\\/]+/)
    .filter((part) => part !== '' && part !== '.')
    .join('/');

export interface ReadOptions {
  /** Prefixes the file names shown (e.g. `questions/x/`). */
  readonly display?: string;
  /** Also the bank's content rules (`checkContent`: counts, balance, easy-read), as the validator. */
  readonly content?: boolean;
}

/**
 * Reads a compass folder with the bank's parser (`parseCompass`) and locates every problem at a
 * file and line, with the messages of `npm run validate`. Without `content` a folder that breaks
 * only the content rules is read: a workspace can start from it. Each programme's SHA-256 comes
 * from Web Crypto (`sha256Hex`); `readFolder` is the same with a synchronous hash.
 */
export async function folderToCompass(
  files: FolderFiles,
  options: ReadOptions = {},
): Promise<FolderResult> {
  const digests = new Map<string, string>();
  for (const text of Object.values(files))
    if (!digests.has(text)) digests.set(text, await sha256Hex(text));
  return readFolder(files, { ...options, sha256: (text) => digests.get(text)! });
}

/**
 * `folderToCompass` with the SHA-256 of a programme given as a synchronous function (Node's
 * `createHash`, for a loader that reads a folder from disk), returning at once.
 */
export function readFolder(
  files: FolderFiles,
  options: ReadOptions & { readonly sha256: (text: string) => string },
): FolderResult {
  const display = options.display ?? '';
  const byPath = new Map(Object.entries(files).map(([path, text]) => [cleanPath(path), text]));
  const issues: FolderIssue[] = [];
  const parsed = new Map<FileName, ParsedFile>();
  for (const name of Object.keys(PARTS) as FileName[]) {
    const shown = `${display}${name}`;
    const text = byPath.get(name);
    if (text === undefined) {
      if (name !== 'glossary.yaml')
        issues.push({
          file: shown,
          line: 1,
          message: `${name} is missing from the compass folder`,
        });
      continue;
    }
    const lines = new LineCounter();
    const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true });
    for (const error of doc.errors)
      issues.push({
        file: shown,
        line: error.linePos?.[0]?.line ?? 1,
        message: `not valid YAML: ${firstLine(error.message).replace(/ at line \d+, column \d+:?$/, '')} (check indentation, colons and quotes on this line or the one above; put text containing ": " in double quotes)`,
      });
    parsed.set(name, { name, display: shown, doc, lines });
  }
  if (issues.length > 0) return { ok: false, issues };

  const assembled: Record<string, unknown> = {};
  for (const file of parsed.values()) {
    const value: unknown = file.doc.toJS();
    const key = PARTS[file.name];
    if (key !== null) assembled[key] = value;
    else if (value !== null && typeof value === 'object' && !Array.isArray(value))
      Object.assign(assembled, value);
    else
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

  const programmes: Record<string, string> = {};
  const parties = Array.isArray(assembled.parties) ? (assembled.parties as unknown[]) : [];
  for (const [i, party] of parties.entries()) {
    const source = (party as { source?: { file?: unknown; sha256?: unknown } } | null)?.source;
    const id = (party as { id?: unknown } | null)?.id;
    if (typeof source?.file !== 'string' || typeof id !== 'string') continue;
    const at = (...rest: (string | number)[]) =>
      locate(parsed, ['parties', i, 'source', ...rest], display);
    const text = byPath.get(cleanPath(source.file));
    if (text === undefined) {
      issues.push({
        ...at('file'),
        message: `party "${id}": programme file ${source.file} does not exist`,
      });
      continue;
    }
    const digest = options.sha256(text);
    if (typeof source.sha256 === 'string' && source.sha256 !== digest)
      issues.push({
        ...at('sha256'),
        message: `party "${id}": ${source.file} has changed since it was copied (sha256 ${digest}); programme copies must stay verbatim: restore the file, or update sha256 if the programme itself was re-captured`,
      });
    programmes[id] = text;
  }

  const result = parseCompass(assembled, programmes);
  const problems = !result.ok ? result.issues : options.content ? checkContent(result.compass) : [];
  for (const issue of problems)
    issues.push({ ...locate(parsed, issue.path, display), message: issue.message });
  if (issues.length > 0 || !result.ok) return { ok: false, issues: sortIssues(issues) };
  return { ok: true, compass: result.compass, programmes };
}

/** `file:line: message`, as the validator prints a problem. */
export const formatFolderIssue = (issue: FolderIssue): string =>
  `${issue.file}:${issue.line}: ${issue.message}`;

function sortIssues(issues: readonly FolderIssue[]): FolderIssue[] {
  return [...issues].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

/** Maps a path in the assembled compass to the file and line it was written on. */
function locate(
  files: ReadonlyMap<FileName, ParsedFile>,
  path: readonly (string | number)[],
  display: string,
): { file: string; line: number } {
  const [head, ...rest] = path;
  const entry = Object.entries(PARTS).find(([, key]) => key !== null && key === head);
  const name = (entry?.[0] ?? 'compass.yaml') as FileName;
  const file = files.get(name);
  const inFile = entry ? rest : path;
  if (!file) return { file: `${display}${name}`, line: 1 };
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
