// The bank's own compass through the folder writer and reader, checked against the loader that
// `npm run validate` and `npm run build` use (src/tools/load-bank.ts) on a temporary folder.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBank, loadValidBank } from '../../tools/load-bank.ts';
import { toOpenData } from '../bank/open-data.ts';
import { parseCompass } from '../bank/parse-compass.ts';
import type { Compass } from '../bank/types.ts';
import { compassToFolder, folderToCompass, formatFolderIssue, readFolder } from './folder.ts';

const shipped = loadBank('questions/socialpolitik');
if (!shipped.ok) throw new Error('the shipped compass does not load');
const { compass, programmes } = shipped;

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'folder-test-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes the files under a new folder of `root` and returns its path. */
function writeFolder(name: string, files: Readonly<Record<string, string>>): string {
  const folder = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}

describe('compassToFolder', () => {
  const files = compassToFolder(compass, programmes);

  it('writes the bank’s four YAML files and each programme at its source file', () => {
    expect(Object.keys(files).sort()).toEqual(
      [
        'compass.yaml',
        'glossary.yaml',
        'parties.yaml',
        'statements.yaml',
        ...compass.parties.map((p) => p.source.file),
      ].sort(),
    );
    for (const p of compass.parties) expect(files[p.source.file]).toBe(programmes[p.id]);
  });

  it('gives the same compass back through the validator’s loader, with every check passing', () => {
    const folder = writeFolder('socialpolitik', files);
    const loaded = loadBank(folder);
    if (!loaded.ok) throw new Error(loaded.issues.map(formatFolderIssue).join('\n'));
    expect(loaded.compass).toEqual(compass);
    expect(loaded.programmes).toEqual(programmes);
    expect(loadValidBank(folder)).toEqual(compass);
  });

  it('is written as the bank is: quoted dates and colours, silent stances on one line', () => {
    expect(files['compass.yaml']).toMatch(/^coded: "2026-11-23"$/m);
    expect(files['parties.yaml']).toMatch(/^ {2}colour: "#E8112D"$/m);
    expect(files['statements.yaml']).toMatch(/^ {4}s: \{ position: null, confidence: 0 \}$/m);
    expect(files['statements.yaml']).toMatch(/^# /);
  });

  it('puts a programme whose file is not a plain file under sources/ at sources/<party>.txt', () => {
    const moved: Compass = {
      ...compass,
      parties: compass.parties.map((p, i) =>
        i === 0 ? { ...p, source: { ...p.source, file: '../elsewhere/s.txt' } } : p,
      ),
    };
    const out = compassToFolder(moved, programmes);
    expect(out['sources/s.txt']).toBe(programmes.s);
    expect(out['parties.yaml']).toContain('file: "sources/s.txt"');
  });
});

describe('folderToCompass', () => {
  it('reads the written folder back to the same compass and programmes, content rules included', async () => {
    const result = await folderToCompass(compassToFolder(compass, programmes), { content: true });
    expect(result).toEqual({ ok: true, compass, programmes });
  });

  it('takes what the workbench exports (open data, which has no boilerplate) to a valid folder', async () => {
    const open = parseCompass(JSON.parse(JSON.stringify(toOpenData(compass))), programmes);
    if (!open.ok) throw new Error('open data does not parse');
    const result = await folderToCompass(compassToFolder(open.compass, programmes));
    expect(result).toMatchObject({ ok: true, compass: { id: 'socialpolitik' } });
    // compass.yaml has no $schema or licence: the build adds them to the open data it writes.
    const authored: Record<string, unknown> = { ...open.compass };
    delete authored.$schema;
    delete authored.license;
    if (result.ok) expect(result.compass).toEqual(authored);
  });

  it('locates each problem at the same file and line as the validator', async () => {
    const files = compassToFolder(compass, programmes);
    const broken: Record<string, string> = {
      ...files,
      'statements.yaml': files['statements.yaml']!.replace('position: 1\n', 'position: 2\n'),
      'sources/c-sollentuna.txt': `${programmes.c!} `,
    };
    const folder = writeFolder('broken', broken);
    const display = `${relative(process.cwd(), folder)}/`;
    const ours = await folderToCompass(broken, { display, content: true });
    const theirs = loadBank(folder);
    expect(theirs.ok).toBe(false);
    expect(ours.ok).toBe(false);
    if (ours.ok || theirs.ok) return;
    expect(ours.issues).toEqual(theirs.issues);
    expect(ours.issues.map((i) => i.message).join('\n')).toMatch(/sha256[\s\S]*not on the scale/);
  });

  it('says which file is missing or not YAML, with its line', async () => {
    const files = compassToFolder(compass, programmes);
    const rest: Record<string, string> = { ...files };
    delete rest['parties.yaml'];
    expect(await folderToCompass(rest)).toEqual({
      ok: false,
      issues: [
        {
          file: 'parties.yaml',
          line: 1,
          message: 'parties.yaml is missing from the compass folder',
        },
      ],
    });
    const bad = await folderToCompass({ ...files, 'glossary.yaml': '- id: x\n  term: [\n' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.issues[0]).toMatchObject({ file: 'glossary.yaml', line: 3 });
  });

  it('accepts paths spelled ./a or a//b', async () => {
    const files = Object.fromEntries(
      Object.entries(compassToFolder(compass, programmes)).map(([p, t]) => [`./${p}`, t]),
    );
    expect(await folderToCompass(files)).toMatchObject({ ok: true });
  });
});

describe('readFolder', () => {
  const nodeSha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

  it('reads the bank’s folder from disk as the validator does, synchronously', () => {
    const folder = 'questions/socialpolitik';
    const files: Record<string, string> = {};
    for (const name of readdirSync(folder))
      if (name.endsWith('.yaml')) files[name] = readFileSync(join(folder, name), 'utf8');
    for (const name of readdirSync(join(folder, 'sources')))
      files[`sources/${name}`] = readFileSync(join(folder, 'sources', name), 'utf8');
    expect(readFolder(files, { sha256: nodeSha256, content: true })).toEqual({
      ok: true,
      compass,
      programmes,
    });
  });
});
