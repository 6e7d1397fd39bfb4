import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreVoter } from '../src/domain/scoring/index.ts';
import { loadValidBank } from '../src/tools/load-bank.ts';
import { toOpenData } from '../src/tools/open-data.ts';

const dir = mkdtempSync(join(tmpdir(), 'valkompass-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const score = (args: string[], input?: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/tools/score.ts', ...args], {
    encoding: 'utf8',
    input,
    timeout: 60_000,
  });

const compass = loadValidBank('questions/socialpolitik');
const ids = compass.statements.map((s) => s.id);

describe('npm run score', () => {
  it('scores one voter from a file and prints the documented JSON', () => {
    const answers = {
      answers: Object.fromEntries(
        ids
          .slice(0, 12)
          .map((id, i) => [id, { answer: [1, 0.5, 0, -0.5, -1][i % 5], important: i === 0 }]),
      ),
    };
    const file = join(dir, 'answers.json');
    writeFileSync(file, JSON.stringify(answers));
    const run = score(['--compass', 'socialpolitik', '--answers', file]);
    expect(run.status).toBe(0);
    const out = JSON.parse(run.stdout) as Record<string, unknown> & {
      results: Record<string, unknown>[];
    };
    const expected = scoreVoter(compass, answers as never);
    if (expected.status !== 'ok') throw new Error('expected a result');
    expect(out).toMatchObject({
      compass: 'socialpolitik',
      version: '1.0.0',
      answered: 12,
      preliminary: false,
    });
    expect(out.results.map((r) => [r.party, r.percent, r.rank])).toEqual(
      expected.parties.map((p) => [p.party, p.percent, p.rank]),
    );
    expect(Object.keys(out.results[0]!)).toEqual(
      expect.arrayContaining([
        'party',
        'percent',
        'score',
        'coverage',
        'agreement',
        'stated',
        'eligible',
        'rank',
        'range',
        'contributions',
      ]),
    );
    expect(out).toHaveProperty('stability.label');
    expect(out).toHaveProperty('themes');
    expect(out).toHaveProperty('methods.statedOnly');
    expect(out).toHaveProperty('methods.wahlOMat');
  });

  it('reads one voter per line with --jsonl and writes one result per line', () => {
    const lines = [
      { answers: { [ids[0]!]: { answer: 1 } } },
      { answers: {} },
      { answers: { [ids[1]!]: { answer: -1 }, [ids[2]!]: { answer: 0.5 } }, parties: ['s', 'v'] },
    ].map((v) => JSON.stringify(v));
    const run = score(['--compass', 'socialpolitik', '--jsonl'], `${lines.join('\n')}\n`);
    expect(run.status).toBe(0);
    const results = run.stdout
      .trim()
      .split('\n')
      .map(
        (l) => JSON.parse(l) as { answered: number; results: { party: string }[]; reason?: string },
      );
    expect(results.map((r) => r.answered)).toEqual([1, 0, 2]);
    expect(results[1]).toMatchObject({ results: [], reason: expect.stringContaining('no result') });
    expect(results[2]!.results.map((r) => r.party).sort()).toEqual(['s', 'v']);
  });

  it('accepts the published JSON of a compass', () => {
    const published = join(dir, 'demo.json');
    writeFileSync(published, JSON.stringify(toOpenData(loadValidBank('tests/fixtures/demo'))));
    const run = score([
      '--compass',
      published,
      '--answers',
      'tests/fixtures/voters/worked-example.json',
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ compass: 'demo', answered: 3 });
  });

  it('rejects invalid input with a one-line message and a non-zero exit code', () => {
    const bad = score(
      ['--compass', 'socialpolitik', '--jsonl'],
      '{"answers":{"no-such-statement":{"answer":1}}}\n',
    );
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'score: line 1: unknown statement "no-such-statement" in the answers',
    );
    const offScale = score(
      ['--compass', 'socialpolitik', '--jsonl'],
      `{"answers":{"${ids[0]}":{"answer":2}}}\n`,
    );
    expect(offScale.stderr.trim()).toMatch(
      /^score: line 1: answer to ".+" is 2; use 1, 0.5, 0, -0.5, -1 or "skip"$/,
    );
    expect(score(['--compass', 'nope', '--answers', 'x.json']).status).toBe(1);
  });
});
