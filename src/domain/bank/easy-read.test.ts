import { describe, expect, it } from 'vitest';
import { checkContent, checkEasyRead } from './check-content.ts';
import { parseCompass } from './parse-compass.ts';
import type { BankIssue, BankRules, Compass, EasyRead } from './types.ts';

/** A two-party compass of `easy.length` statements, statement i with easy-read block easy[i] (or none). */
function compassWith(easy: readonly (EasyRead | undefined)[], easyRead?: unknown): Compass {
  const parsed = parseCompass({
    id: 'test',
    version: '1.0.0',
    coded: '2026-11-23',
    title: { sv: 'Test', en: 'Test' },
    description: { sv: 'Test', en: 'Test' },
    themes: [{ id: 'tema', name: { sv: 'Tema', en: 'Theme' } }],
    parties: ['a', 'b'].map((id) => ({
      id,
      name: id,
      short: id,
      municipality: 'Kommun',
      colour: '#000000',
      source: { file: `${id}.txt`, url: 'https://example.org' },
    })),
    statements: easy.map((block, i) => ({
      id: `p${i + 1}`,
      theme: 'tema',
      direction: i % 2 === 0 ? 'more' : 'less',
      text: { sv: `Påstående ${i + 1}.`, en: `Statement ${i + 1}.` },
      explainer: { sv: 'Förklaring.', en: 'Explainer.' },
      ...(block === undefined ? {} : { easy: block }),
      stances: {
        a: {
          position: 1,
          confidence: 1,
          quotes: ['Ett tillräckligt långt citat.'],
          rationale: 'x',
        },
        b: { position: -1, confidence: 1, quotes: ['Ett annat långt citat här.'], rationale: 'y' },
      },
    })),
    ...(easyRead === undefined ? {} : { rules: { easyRead } }),
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return parsed.compass;
}

function issues(compass: Compass): BankIssue[] {
  const found: BankIssue[] = [];
  checkEasyRead(compass, (path, message) => found.push({ path, message }));
  return found;
}

const plain: EasyRead = {
  text: 'Kommunen ska ge mer stöd.', // 5 words, 1 long: LIX 5 + 20 = 25
  explainer: 'Det är bra. Det är kort.', // 6 words, 2 sentences, 0 long: LIX 3
};

describe('rules.easyRead in compass.yaml', () => {
  it('is off by default: nothing about easy is checked, and the rules carry no easyRead', () => {
    const compass = compassWith([undefined, { text: 'ord '.repeat(40), explainer: 'x' }]);
    expect(compass.rules.easyRead).toBeUndefined();
    expect(issues(compass)).toEqual([]);
  });

  it('defaults required to false and leaves the limits unset', () => {
    const compass = compassWith([undefined], {});
    expect(compass.rules.easyRead).toEqual({ required: false });
    expect(issues(compass)).toEqual([]);
  });

  it('rejects a limit that is not a whole positive number', () => {
    const parsed = parseCompass({ ...compassWith([plain]), rules: { easyRead: { maxWords: 0 } } });
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.issues).toContainEqual({
        path: ['rules', 'easyRead', 'maxWords'],
        message: 'easyRead.maxWords must be at least 1',
      });
  });

  it('reads back an easy block and keeps it exactly', () => {
    expect(compassWith([plain]).statements[0]!.easy).toEqual(plain);
  });
});

describe('checkEasyRead', () => {
  it('names every statement without an easy block when required, at the statement', () => {
    const compass = compassWith([plain, undefined, plain, undefined], { required: true });
    const found = issues(compass);
    expect(found.map((i) => i.path)).toEqual([
      ['statements', 1],
      ['statements', 3],
    ]);
    expect(found[0]!.message).toContain('statement "p2" has no easy-read version');
  });

  it('does not require easy blocks when required is false, but still checks those present', () => {
    const long = { ...plain, text: 'ett två tre fyra fem sex sju' };
    const compass = compassWith([undefined, long], { required: false, maxWords: 6 });
    expect(issues(compass)).toEqual([
      {
        path: ['statements', 1, 'easy', 'text'],
        message: expect.stringContaining('statement "p2": easy.text has 7 words; the limit is 6'),
      },
    ]);
  });

  it('allows exactly maxWords words', () => {
    const six = { ...plain, text: 'Kommunen ska ge mer stöd nu.' };
    expect(issues(compassWith([six], { maxWords: 6 }))).toEqual([]);
  });

  it('reports a median LIX over the limit for texts and explainers separately, at the worst', () => {
    // The hard block is one sentence of one 19-letter word: LIX 1 + 100 = 101, text and explainer.
    // One hard block: texts 25, 25, 101 (median 25) and explainers 3, 3, 101 (median 3) pass.
    const hard = { text: 'Socialförvaltningen.', explainer: 'Socialförvaltningen.' };
    expect(issues(compassWith([plain, plain, hard], { maxMedianLix: 25 }))).toEqual([]);
    // with two hard ones the median is 101 in both fields
    const found = issues(compassWith([plain, hard, hard], { maxMedianLix: 25 }));
    expect(found.map((i) => i.path)).toEqual([
      ['statements', 1, 'easy', 'text'],
      ['statements', 1, 'easy', 'explainer'],
    ]);
    expect(found[0]!.message).toBe(
      'the median LIX of the easy-read texts (easy.text) is 101; the limit is 25 (rules.easyRead.maxMedianLix): use shorter sentences and shorter everyday words, starting with the hardest: "p2" (LIX 101), "p3" (LIX 101), "p1" (LIX 25)',
    );
    expect(found[1]!.message).toContain('easy-read explainers (easy.explainer) is 101');
  });

  it('judges the median over the statements that have an easy block only', () => {
    expect(issues(compassWith([undefined, undefined], { maxMedianLix: 0 }))).toEqual([]);
  });

  it('runs as part of checkContent', () => {
    const compass = compassWith([plain, undefined], { required: true });
    const rules: BankRules = { ...compass.rules, minStatements: 1 };
    expect(checkContent({ ...compass, rules }).map((i) => i.message)).toContainEqual(
      expect.stringContaining('statement "p2" has no easy-read version'),
    );
  });
});
