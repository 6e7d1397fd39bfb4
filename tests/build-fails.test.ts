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
});
