import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { questionBank } from '../src/tools/vite-plugin-bank.ts';

const root = mkdtempSync(join(tmpdir(), 'valkompass-build-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the build', () => {
  it('fails on a broken question bank, naming file, line and reason', async () => {
    const questions = join(root, 'questions');
    cpSync('tests/fixtures/demo', join(questions, 'demo'), { recursive: true });
    const statements = join(questions, 'demo', 'statements.yaml');
    const original = readFileSync(statements, 'utf8');
    // The line of the first "position: 0.5", which is broken here.
    const line = original.slice(0, original.indexOf('position: 0.5')).split('\n').length;
    writeFileSync(statements, original.replace('position: 0.5', 'position: 0.7'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    await expect(
      build({
        configFile: false,
        root,
        logLevel: 'silent',
        plugins: [questionBank(questions)],
        build: { outDir: join(root, 'dist'), write: false },
      }),
    ).rejects.toThrow(new RegExp(`statements\\.yaml:${line}: position 0\\.7 is not on the scale`));
  });

  it('fails on a compass whose id is a word the addresses use, and on two compasses with one id', async () => {
    const questions = join(root, 'ids');
    cpSync('tests/fixtures/demo', join(questions, 'fraga'), { recursive: true });
    const compassFile = join(questions, 'fraga', 'compass.yaml');
    writeFileSync(compassFile, readFileSync(compassFile, 'utf8').replace('id: demo', 'id: fraga'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    const attempt = (extra: string[] = []) =>
      build({
        configFile: false,
        root,
        logLevel: 'silent',
        plugins: [questionBank(questions, extra)],
        build: { outDir: join(root, 'dist'), write: false },
      });
    await expect(attempt()).rejects.toThrow(
      /fraga[\\/]compass\.yaml: compass id "fraga" is a word the site's addresses already use/,
    );
    writeFileSync(compassFile, readFileSync(compassFile, 'utf8').replace('id: fraga', 'id: demo'));
    await expect(attempt([join(process.cwd(), 'tests/fixtures/demo')])).rejects.toThrow(
      /compass id "demo" is used by another compass too/,
    );
  });
});
