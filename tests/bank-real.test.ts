import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { countSentences, countWords, lix, median } from '../src/domain/bank/lix.ts';
import type { Compass } from '../src/domain/bank/types.ts';
import { scoreVoter } from '../src/domain/scoring/index.ts';
import { renderReport } from '../src/tools/balance-report.ts';
import { formatIssue, loadBank, type LoadResult } from '../src/tools/load-bank.ts';

const folder = 'questions/socialpolitik';

// Loaded in beforeAll, not at the top of the module: a broken bank must fail the "validates" case
// with its issues listed, not stop the whole file before any case runs.
let loaded: LoadResult | Error;
beforeAll(() => {
  try {
    loaded = loadBank(folder);
  } catch (error) {
    loaded = error instanceof Error ? error : new Error(String(error));
  }
});

/** Every problem with the bank as `file:line: message`; empty when it is valid. */
function problems(): string[] {
  if (loaded instanceof Error) return [`${folder}: could not be loaded: ${loaded.message}`];
  return loaded.ok ? [] : loaded.issues.map(formatIssue);
}

/** The validated compass, for the cases that inspect its content. */
function bank(): Compass {
  if (loaded instanceof Error || !loaded.ok)
    throw new Error(`${folder} does not validate, so this cannot be checked (see "validates")`);
  return loaded.compass;
}

const statedBy = (compass: Compass, party: string) =>
  compass.statements.filter((s) => s.stances[party]!.position !== null).length;

describe('the social-policy bank', () => {
  it('validates: schema, quotes verbatim in the right programme, cross rules', () => {
    expect(problems()).toEqual([]);
  });

  it('has 24–32 statements over at least 6 themes, each theme used', () => {
    const compass = bank();
    const n = compass.statements.length;
    expect(n).toBeGreaterThanOrEqual(24);
    expect(n).toBeLessThanOrEqual(32);
    const used = new Set(compass.statements.map((s) => s.theme));
    expect(used.size).toBeGreaterThanOrEqual(6);
    expect(compass.themes.every((t) => used.has(t.id))).toBe(true);
  });

  it('has the five coded parties, each stating a position on at least 30 %', () => {
    const compass = bank();
    expect(compass.parties.map((p) => `${p.short} ${p.municipality}`)).toEqual([
      'S Knivsta',
      'MP Huddinge',
      'C Sollentuna',
      'V Södertälje',
      'L Botkyrka',
    ]);
    const n = compass.statements.length;
    for (const party of compass.parties)
      expect(statedBy(compass, party.id) / n, party.id).toBeGreaterThanOrEqual(0.3);
  });

  it('phrases at least 30 % of statements so that agreeing means less', () => {
    const compass = bank();
    const less = compass.statements.filter((s) => s.direction === 'less').length;
    expect(less / compass.statements.length).toBeGreaterThanOrEqual(0.3);
  });

  it('gives nobody above 75 % for agreeing with everything', () => {
    const compass = bank();
    const answers = Object.fromEntries(
      compass.statements.map((s) => [s.id, { answer: 1 as const }]),
    );
    const result = scoreVoter(compass, { answers });
    if (result.status !== 'ok') throw new Error('expected a result');
    expect(Math.max(...result.parties.map((m) => m.percent))).toBeLessThanOrEqual(75);
  });

  it('explains every statement and glossary term in both languages', () => {
    const compass = bank();
    for (const s of compass.statements) {
      expect(s.explainer.sv.length, s.id).toBeGreaterThan(40);
      expect(s.explainer.en?.length ?? 0, s.id).toBeGreaterThan(40);
    }
    const terms = new Set(compass.glossary.map((g) => g.id));
    for (const required of ['lss', 'sis', 'hvb', 'iop', 'forsorjningsstod', 'put', 'jourhem'])
      expect(terms).toContain(required);
  });

  it('has every statement, explainer, theme and glossary entry in Arabic too', () => {
    const compass = bank();
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
    const compass = bank();
    const names = compass.parties.flatMap((p) => [p.name, p.municipality]);
    for (const s of compass.statements)
      for (const name of names) expect(`${s.text.sv} ${s.text.en}`).not.toContain(name);
  });

  it('promises easy-read Swedish in compass.yaml: required, at most 15 words, median LIX ≤ 30', () => {
    expect(bank().rules.easyRead).toEqual({ required: true, maxWords: 15, maxMedianLix: 30 });
  });

  it('has every statement in easy-read Swedish: at most 15 words, an explainer of 2–5 sentences', () => {
    const compass = bank();
    expect(compass.statements.filter((s) => !s.easy).map((s) => s.id)).toEqual([]);
    for (const s of compass.statements) {
      const easy = s.easy!;
      expect(countWords(easy.text), `${s.id}: ${easy.text}`).toBeLessThanOrEqual(15);
      expect(countSentences(easy.text), s.id).toBeLessThanOrEqual(2);
      const sentences = countSentences(easy.explainer);
      expect(sentences, `${s.id}: ${easy.explainer}`).toBeGreaterThanOrEqual(2);
      expect(sentences, `${s.id}: ${easy.explainer}`).toBeLessThanOrEqual(5);
    }
  });

  it('keeps the median LIX of easy texts and of easy explainers at most 30, under the regular ones', () => {
    const { statements } = bank();
    const easyText = median(statements.map((s) => lix(s.easy!.text)));
    const easyExplainer = median(statements.map((s) => lix(s.easy!.explainer)));
    expect(easyText).toBeLessThanOrEqual(30);
    expect(easyExplainer).toBeLessThanOrEqual(30);
    expect(easyText).toBeLessThan(median(statements.map((s) => lix(s.text.sv))));
    expect(easyExplainer).toBeLessThan(median(statements.map((s) => lix(s.explainer.sv))));
    // No single easy-read text is harder to read than the statement it renders.
    for (const s of statements)
      expect(lix(s.easy!.text), s.id).toBeLessThanOrEqual(lix(s.text.sv) + 0.05);
  });

  it('names no party or municipality in any easy-read text', () => {
    const compass = bank();
    const names = compass.parties.flatMap((p) => [p.name, p.municipality]);
    for (const s of compass.statements)
      for (const name of names)
        expect(`${s.easy!.text} ${s.easy!.explainer}`, s.id).not.toContain(name);
  });

  it('has an up-to-date REPORT.md', () => {
    expect(readFileSync(join(folder, 'REPORT.md'), 'utf8')).toBe(renderReport(bank()));
  });
});

// The original captures of the programmes live outside this repository and are not in a fresh
// clone. Where they are, each copy in sources/ must equal its original byte for byte; where they
// are not, the sha256 of each copy in parties.yaml (checked by "validates") still guards it.
const seeds = join('..', 'shared', 'seeds');
const haveSeeds = existsSync(seeds);

describe.skipIf(!haveSeeds)(
  haveSeeds
    ? 'the programme copies'
    : 'the programme copies, skipped: original seed files not present (../shared/seeds)',
  () => {
    it('are each a byte-for-byte copy of the original seed file', () => {
      for (const party of bank().parties) {
        const seed = party.source.seed;
        expect(seed, `party "${party.id}" names no seed file`).toBeDefined();
        const copy = readFileSync(join(folder, party.source.file));
        const original = readFileSync(join(seeds, seed!));
        expect(copy.equals(original), `${party.source.file} differs from seed ${seed}`).toBe(true);
      }
    });
  },
);
