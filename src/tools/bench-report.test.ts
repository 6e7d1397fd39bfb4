import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type Environment,
  header,
  renderSection,
  renderTable,
  REPORT_FILE,
  type Section,
  SECTIONS,
  updateReport,
  writeSection,
} from './bench-report.ts';

const env: Environment = {
  date: '2026-12-07T12:00:00.000Z',
  node: 'v20.19.0',
  cpuModel: 'Example CPU @ 2.00GHz',
  cpuCount: 2,
  load: [0.5, 1.25],
  commit: 'abc1234',
  changed: [],
};

const engine: Section = {
  id: 'bench:engine',
  command: 'npm run bench:engine',
  durationMs: 4200,
  blocks: [
    'One voter against every party.',
    {
      header: ['case', 'median', 'min'],
      align: ['left', 'right', 'right'],
      rows: [
        ['real compass | per voter', '41.2 µs', '39.0 µs'],
        ['10 000 candidates × 40 statements', '512.3 ms', '498.1 ms'],
      ],
    },
  ],
};

/** The sections of a report, id → text, in the file's order. */
const sectionsOf = (report: string) =>
  [...report.matchAll(/<!-- begin: (\S+) -->[\s\S]*?<!-- end: \1 -->/g)].map(
    (m) => [m[1]!, m[0]] as const,
  );

/** Prettier's Markdown of `text`, with the repository's settings. */
async function prettier(text: string): Promise<string> {
  const options = await resolveConfig(REPORT_FILE);
  return format(text, { ...options, parser: 'markdown' });
}

describe('docs/benchmarks.md', () => {
  it('has a header saying it is generated and by which commands', () => {
    const text = header();
    expect(text).toMatch(/^# Benchmarks\n/);
    expect(text).toMatch(/generated/i);
    for (const command of [
      'npm run bench',
      'npm run bench:engine',
      'npm run bench:classroom',
      'npm run bench:lighthouse',
    ])
      expect(text).toContain(`\`${command}\``);
  });

  it('is created with the section and a "not yet measured" line for each other benchmark', () => {
    const report = updateReport(undefined, engine.id, renderSection(engine, env));
    expect(report.startsWith(header())).toBe(true);
    const sections = sectionsOf(report);
    expect(sections.map(([id]) => id)).toEqual(SECTIONS.map((kind) => kind.id));
    for (const [id, text] of sections)
      if (id === engine.id) expect(text).toContain('512.3 ms');
      else expect(text).toContain('Not yet measured: run `npm run bench');
  });

  it('inserts a section that is absent, in its place, leaving the others as they are', () => {
    const others = [
      '<!-- begin: bench -->\n\nhand-made bench text\n\n<!-- end: bench -->',
      '<!-- begin: old-benchmark -->\n\nfrom a benchmark since removed\n\n<!-- end: old-benchmark -->',
      '<!-- begin: bench:classroom -->\n\nclassroom figures\n\n<!-- end: bench:classroom -->',
    ];
    const before = `# Old header\n\n${others.join('\n\n')}\n`;
    const report = updateReport(before, engine.id, renderSection(engine, env));
    const sections = sectionsOf(report);
    expect(sections.map(([id]) => id)).toEqual([
      'bench',
      'old-benchmark',
      'bench:engine',
      'bench:classroom',
      'bench:lighthouse:sv',
      'bench:lighthouse:en',
      'bench:lighthouse:ar',
    ]);
    for (const text of others) expect(report).toContain(text);
    expect(report).not.toContain('# Old header');
    expect(report.startsWith(header())).toBe(true);
  });

  it('replaces a section that is present, and only that one', () => {
    const first = updateReport(undefined, engine.id, renderSection(engine, env));
    const classroom: Section = {
      id: 'bench:classroom',
      command: 'npm run bench:classroom',
      blocks: ['2 000 submissions/s'],
    };
    const second = updateReport(first, classroom.id, renderSection(classroom, env));
    const later = { ...env, date: '2026-12-08T09:30:00.000Z', commit: 'def5678' };
    const rerun: Section = { ...engine, blocks: ['Faster now.'] };
    const third = updateReport(second, engine.id, renderSection(rerun, later));

    const [before, after] = [new Map(sectionsOf(second)), new Map(sectionsOf(third))];
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [id, text] of after)
      if (id === engine.id) {
        expect(text).toContain('Faster now.');
        expect(text).toContain('2026-12-08T09:30:00.000Z');
        expect(text).toContain('`def5678`');
        expect(text).not.toContain('512.3 ms');
      } else expect(text).toBe(before.get(id));
    expect(third.match(/<!-- begin: bench:engine -->/g)).toHaveLength(1);
    // Writing the same section again changes nothing.
    expect(updateReport(third, engine.id, renderSection(rerun, later))).toBe(third);
  });

  it('says when, on what and from which code a section was measured', () => {
    const text = renderSection(
      { ...engine, on: ['Chromium 150.0'] },
      { ...env, changed: ['README.md', 'src/x.ts'] },
    );
    expect(text).toContain('2026-12-07T12:00:00.000Z');
    expect(text).toContain('the run took 4.2 s');
    expect(text).toContain(
      'Node v20.19.0; 2 × Example CPU @ 2.00GHz; load average as it started 0.50 (1 min), 1.25 (5 min)',
    );
    expect(text).toContain('commit `abc1234` with uncommitted changes (dirty) in `README.md`');
    expect(text).toContain('- Chromium 150.0');
    expect(renderSection(engine, env)).toContain('commit `abc1234`, clean working tree');
    expect(renderSection(engine, { ...env, commit: null })).toContain('not a git checkout');
  });

  it('is written as Prettier formats it, so `prettier --check` passes on a fresh file', async () => {
    let report = updateReport(undefined, engine.id, renderSection(engine, env));
    report = updateReport(
      report,
      'bench:classroom',
      renderSection(
        {
          id: 'bench:classroom',
          command: 'npm run bench:classroom -- --only sqlite',
          blocks: [
            { heading: 'Submissions' },
            {
              header: ['backend', 'req/s'],
              align: ['left', 'right'],
              rows: [
                ['SQLite (file, WAL, full sync)', '2660'],
                ['a | b', '1'],
              ],
            },
          ],
        },
        { ...env, changed: ['a.ts', 'b.ts', 'c.ts', 'd.ts', 'e.ts', 'f.ts'] },
      ),
    );
    expect(await prettier(report)).toBe(report);
  });

  it('escapes a | inside a cell', () => {
    expect(renderTable({ header: ['a'], rows: [['x | y']] })).toBe(
      '| a      |\n| ------ |\n| x \\| y |',
    );
  });
});

describe('writeSection', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('creates docs/benchmarks.md, then replaces only its own section', () => {
    const root = mkdtempSync(join(tmpdir(), 'valkompass-bench-report-'));
    dirs.push(root);
    writeSection(engine, root);
    const path = join(root, REPORT_FILE);
    const first = readFileSync(path, 'utf8');
    expect(first).toContain('512.3 ms');
    mkdirSync(join(root, 'docs'), { recursive: true });
    writeFileSync(path, first.replace('Not yet measured: run `npm run bench`.', 'kept as it is'));
    writeSection({ ...engine, blocks: ['again'] }, root);
    const second = readFileSync(path, 'utf8');
    expect(second).toContain('kept as it is');
    expect(second).toContain('again');
    expect(second).not.toContain('512.3 ms');
  });
});
