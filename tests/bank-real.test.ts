import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scoreVoter } from '../src/domain/scoring/score-voter.ts';
import { renderReport } from '../src/tools/balance-report.ts';
import { loadBank } from '../src/tools/load-bank.ts';

const folder = 'questions/socialpolitik';
const result = loadBank(folder);
if (!result.ok)
  throw new Error(result.issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n'));
const { compass } = result;
const n = compass.statements.length;
const statedBy = (party: string) =>
  compass.statements.filter((s) => s.stances[party]!.position !== null).length;

describe('the social-policy bank', () => {
  it('validates: schema, quotes verbatim in the right programme, cross rules', () => {
    expect(result.ok).toBe(true);
  });

  it('has 24–32 statements over at least 6 themes, each theme used', () => {
    expect(n).toBeGreaterThanOrEqual(24);
    expect(n).toBeLessThanOrEqual(32);
    const used = new Set(compass.statements.map((s) => s.theme));
    expect(used.size).toBeGreaterThanOrEqual(6);
    expect(compass.themes.every((t) => used.has(t.id))).toBe(true);
  });

  it('has the five parties of SOURCES.md, each stating a position on at least 30 %', () => {
    expect(compass.parties.map((p) => `${p.short} ${p.municipality}`)).toEqual([
      'S Knivsta',
      'MP Huddinge',
      'C Sollentuna',
      'V Södertälje',
      'L Botkyrka',
    ]);
    for (const party of compass.parties) expect(statedBy(party.id) / n).toBeGreaterThanOrEqual(0.3);
  });

  it('phrases at least 30 % of statements so that agreeing means less', () => {
    const less = compass.statements.filter((s) => s.direction === 'less').length;
    expect(less / n).toBeGreaterThanOrEqual(0.3);
  });

  it('gives nobody above 75 % for agreeing with everything', () => {
    const answers = Object.fromEntries(
      compass.statements.map((s) => [s.id, { answer: 1 as const }]),
    );
    const result = scoreVoter(compass, { answers });
    if (result.status !== 'ok') throw new Error('expected a result');
    expect(Math.max(...result.parties.map((m) => m.percent))).toBeLessThanOrEqual(75);
  });

  it('explains every statement and glossary term in both languages', () => {
    for (const s of compass.statements) {
      expect(s.explainer.sv.length).toBeGreaterThan(40);
      expect(s.explainer.en.length).toBeGreaterThan(40);
    }
    const terms = new Set(compass.glossary.map((g) => g.id));
    for (const required of ['lss', 'sis', 'hvb', 'iop', 'forsorjningsstod', 'put', 'jourhem'])
      expect(terms).toContain(required);
  });

  it('has every statement, explainer, theme and glossary entry in Arabic too', () => {
    const texts = [
      compass.title,
      compass.description,
      ...compass.themes.map((t) => t.name),
      ...compass.statements.flatMap((s) => [s.text, s.explainer]),
      ...compass.glossary.flatMap((g) => [g.term, g.definition]),
    ];
    expect(
      texts.filter((text) => !text.ar || text.ar.trim() === '').map((text) => text.sv),
    ).toEqual([]);
  });

  it('names no party in any statement text', () => {
    const names = compass.parties.flatMap((p) => [p.name, p.municipality]);
    for (const s of compass.statements)
      for (const name of names) expect(`${s.text.sv} ${s.text.en}`).not.toContain(name);
  });

  const seeds = join('..', 'shared', 'seeds');
  it.skipIf(!existsSync(seeds))(
    'keeps each programme a byte-for-byte copy of its seed file',
    () => {
      for (const party of compass.parties) {
        const copy = readFileSync(join(folder, party.source.file));
        expect(copy.equals(readFileSync(join(seeds, party.source.seed!)))).toBe(true);
      }
    },
  );

  it('has an up-to-date REPORT.md', () => {
    expect(readFileSync(join(folder, 'REPORT.md'), 'utf8')).toBe(renderReport(compass));
  });
});
