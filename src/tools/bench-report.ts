/**
 * The benchmarks' figures in one generated file, `docs/benchmarks.md`, which the README links
 * instead of quoting measurements that go stale. Each benchmark prints its figures and writes
 * them into its own section of the file, between `<!-- begin: <id> -->` and `<!-- end: <id> -->`,
 * so that running one benchmark replaces only its section and keeps the others. A section says
 * when (ISO date-time), on what (Node, CPU, git commit and whether the tree had uncommitted
 * changes) and gives the figures as tables.
 *
 * The text is written already formatted as Prettier formats Markdown (aligned tables, one blank
 * line between blocks), so the generated file passes `prettier --check` as it is written.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';

/** The generated file, relative to the repository's root. */
export const REPORT_FILE = 'docs/benchmarks.md';

/** A section of the file: one benchmark, or one variant of it (Lighthouse per language). */
export interface SectionKind {
  /** Its id in the markers, e.g. `bench:engine`. */
  readonly id: string;
  /** The section's heading. */
  readonly title: string;
  /** The command that writes it. */
  readonly command: string;
}

/**
 * Every section, in the file's order. A section with an id not listed here (one written by an
 * older benchmark) is kept where it is.
 */
export const SECTIONS: readonly SectionKind[] = [
  {
    id: 'bench',
    title: 'Validation, bundle sizes, start page, precache, parser, Lighthouse single runs',
    command: 'npm run bench',
  },
  {
    id: 'bench:engine',
    title: 'Matching engine speed',
    command: 'npm run bench:engine',
  },
  {
    id: 'bench:classroom',
    title: 'Classroom service under load',
    command: 'npm run bench:classroom',
  },
  {
    id: 'bench:lighthouse:sv',
    title: 'Lighthouse, Swedish browser',
    command: 'npm run bench:lighthouse',
  },
  {
    id: 'bench:lighthouse:en',
    title: 'Lighthouse, English browser',
    command: 'npm run bench:lighthouse -- --lang en /en/ /en/socialpolitik/fraga/1',
  },
  {
    id: 'bench:lighthouse:ar',
    title: 'Lighthouse, Arabic browser',
    command: 'npm run bench:lighthouse -- --lang ar /ar/ /ar/socialpolitik/fraga/1',
  },
];

/** The commands that write the file, each once, in the file's order. */
const COMMANDS = [...new Set(SECTIONS.map((s) => s.command.split(' -- ')[0]!))];

/**
 * The load average when this module was loaded, i.e. as the benchmark started: timings on a
 * machine busy with other work are slower, and this says how busy it was.
 */
const LOAD_AT_START = loadavg();

/** The machine and the code a measurement was made on. */
export interface Environment {
  /** ISO 8601 date-time (UTC) of the measurement. */
  readonly date: string;
  readonly node: string;
  readonly cpuModel: string;
  readonly cpuCount: number;
  /** The 1- and 5-minute load averages as the benchmark started (0 where the OS has none). */
  readonly load: readonly [number, number];
  /** `git rev-parse --short HEAD`; null outside a git checkout. */
  readonly commit: string | null;
  /**
   * Files with uncommitted changes (`git status --porcelain`, without this report itself);
   * empty for a clean tree, null when git could not tell.
   */
  readonly changed: readonly string[] | null;
}

function git(args: string[]): string | null {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return null;
  }
}

/** Where and on what this process runs, now. */
export function environment(): Environment {
  const cores = cpus();
  const head = git(['rev-parse', '--short', 'HEAD'])?.trim();
  const commit = head === undefined || head === '' ? null : head;
  const status = git(['status', '--porcelain', '--', '.', `:(exclude)${REPORT_FILE}`]);
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpuModel: cores[0]?.model.trim().replace(/\s+/g, ' ') ?? 'unknown',
    cpuCount: cores.length,
    load: [LOAD_AT_START[0] ?? 0, LOAD_AT_START[1] ?? 0],
    commit,
    changed:
      status === null
        ? null
        : status
            .split('\n')
            .filter(Boolean)
            .map((line) => line.slice(3)),
  };
}

/** A browser's own name for its version (`Chromium 150.0.…`), or its path when it will not say. */
export function browserVersion(path: string): string {
  try {
    const version = execFileSync(path, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
      timeout: 30_000,
    }).trim();
    return version === '' ? path : `${version} (\`${path}\`)`;
  } catch {
    return `${path} (version unknown)`;
  }
}

/** A table: a header, the columns' alignment (left unless said) and rows of cells. */
export interface Table {
  readonly header: readonly string[];
  /** `right` for numbers; one entry per column, left when missing. */
  readonly align?: readonly ('left' | 'right')[];
  readonly rows: readonly (readonly string[])[];
}

/** A block of a section: a paragraph (one line of Markdown), a table, or a `###` heading. */
export type Block = string | Table | { readonly heading: string };

/** A section as a benchmark hands it over. */
export interface Section {
  readonly id: string;
  /** The command line that measured it, e.g. `npm run bench:classroom -- --only sqlite`. */
  readonly command: string;
  /** How long the whole run took, in ms. */
  readonly durationMs?: number;
  /** More lines on what it ran on (a browser's or a database's version, the settings). */
  readonly on?: readonly string[];
  readonly blocks: readonly Block[];
}

/** The width of a cell as Prettier counts it (one per character; no wide characters here). */
const width = (text: string): number => [...text].length;

/** A cell's text with the characters that would end a cell or a line made harmless. */
const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

/** A table, aligned as Prettier aligns it. */
export function renderTable(table: Table): string {
  const header = table.header.map(cell);
  const rows = table.rows.map((row) => header.map((_, i) => cell(row[i] ?? '')));
  const right = header.map((_, i) => table.align?.[i] === 'right');
  const widths = header.map((h, i) => Math.max(3, width(h), ...rows.map((row) => width(row[i]!))));
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(widths[i]! - width(text));
    return right[i] ? fill + text : text + fill;
  };
  const line = (cells: readonly string[]) => `| ${cells.map(pad).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (right[i] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const begin = (id: string) => `<!-- begin: ${id} -->`;
const end = (id: string) => `<!-- end: ${id} -->`;

const kindOf = (id: string): SectionKind =>
  SECTIONS.find((kind) => kind.id === id) ?? { id, title: id, command: id };

/** `1 min 23 s`, `4.2 s`. */
export function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** What the code was: the commit, and the files changed since, if any. */
function code(env: Environment): string {
  if (env.commit === null) return 'not a git checkout';
  if (env.changed === null) return `commit \`${env.commit}\``;
  if (env.changed.length === 0) return `commit \`${env.commit}\`, clean working tree`;
  const shown = env.changed.slice(0, 5).map((file) => `\`${file}\``);
  const more = env.changed.length > shown.length ? ` and ${env.changed.length - 5} more` : '';
  return `commit \`${env.commit}\` with uncommitted changes (dirty) in ${shown.join(', ')}${more}`;
}

/** A section's Markdown, markers included. */
export function renderSection(section: Section, env: Environment): string {
  const kind = kindOf(section.id);
  const facts = [
    `- Command: \`${section.command}\``,
    `- Measured: ${env.date}${section.durationMs === undefined ? '' : ` (the run took ${duration(section.durationMs)})`}`,
    `- Node ${env.node}; ${env.cpuCount} × ${env.cpuModel}; load average as it started ${env.load.map((l) => l.toFixed(2)).join(' (1 min), ')} (5 min)`,
    `- Code: ${code(env)}`,
    ...(section.on ?? []).map((line) => `- ${line}`),
  ];
  const blocks = section.blocks.map((block) =>
    typeof block === 'string'
      ? block
      : 'heading' in block
        ? `### ${block.heading}`
        : renderTable(block),
  );
  return [begin(section.id), `## ${kind.title}`, facts.join('\n'), ...blocks, end(section.id)].join(
    '\n\n',
  );
}

/** The section of a benchmark that has not run here yet. */
export function placeholder(kind: SectionKind): string {
  return [
    begin(kind.id),
    `## ${kind.title}`,
    `Not yet measured: run \`${kind.command}\`.`,
    end(kind.id),
  ].join('\n\n');
}

/** The file's header: what the file is, that it is generated and by which commands. */
export function header(): string {
  return [
    '# Benchmarks',
    `<!-- Generated by ${COMMANDS.join(', ')}. Do not edit by hand: each command replaces its own section. -->`,
    'Generated file: the benchmarks write it, nobody edits it. Each of ' +
      `${COMMANDS.map((c) => `\`${c}\``).join(', ')} prints its figures and replaces its own ` +
      'section below (between its `begin` and `end` comments), leaving the others as they are, ' +
      'so sections can come from different days, commits and machines: each says when, on what ' +
      'and from which code it was measured. Timings move with the machine and its load; compare ' +
      'figures measured in one sitting. Budgets that tests enforce are in the README, not here.',
    'Run `npm run build` first: the benchmarks measure the built site in `dist/`.',
  ].join('\n\n');
}

const SECTION = /<!-- begin: (\S+) -->[\s\S]*?<!-- end: \1 -->/g;

/**
 * The file with `rendered` as the section `id`: replacing that section when the file has it,
 * inserting it in the order of SECTIONS when not, and adding a "not yet measured" section for
 * any other listed benchmark missing. Other sections are kept as they are, and the header is
 * written afresh. `existing` is the file's text, or undefined when there is no file yet.
 */
export function updateReport(existing: string | undefined, id: string, rendered: string): string {
  const sections = [...(existing ?? '').matchAll(SECTION)].map((m) => ({
    id: m[1]!,
    text: m[0],
  }));
  const rank = (sectionId: string) => SECTIONS.findIndex((kind) => kind.id === sectionId);
  // Before the first listed section that comes after it in SECTIONS; unlisted ones at the end.
  const insert = (sectionId: string, text: string) => {
    const at = rank(sectionId);
    const next = at === -1 ? -1 : sections.findIndex((section) => rank(section.id) > at);
    sections.splice(next === -1 ? sections.length : next, 0, { id: sectionId, text });
  };
  const found = sections.find((section) => section.id === id);
  if (found) found.text = rendered;
  else insert(id, rendered);
  for (const kind of SECTIONS)
    if (!sections.some((section) => section.id === kind.id)) insert(kind.id, placeholder(kind));
  return `${[header(), ...sections.map((section) => section.text)].join('\n\n')}\n`;
}

/**
 * Writes a benchmark's section into docs/benchmarks.md (under `root`, the repository by default)
 * and says so. The duration defaults to the process's uptime: the whole run.
 */
export function writeSection(section: Section, root = process.cwd()): void {
  const path = resolve(root, REPORT_FILE);
  const withDuration =
    section.durationMs === undefined
      ? { ...section, durationMs: process.uptime() * 1000 }
      : section;
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(
    path,
    updateReport(existing, section.id, renderSection(withDuration, environment())),
  );
  console.log(`\nwrote the section "${section.id}" of ${REPORT_FILE}`);
}

/** `2 000`, `10 000`: a whole number with a space between thousands. */
export const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+$)/g, ' ');

/** The command line this process was started as, as npm would run it. */
export function commandLine(script: string): string {
  const args = process.argv.slice(2);
  return args.length === 0 ? `npm run ${script}` : `npm run ${script} -- ${args.join(' ')}`;
}
