import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { measureRandomVoters as toolMeasure } from '../../tools/random-voters.ts';
import { checkContent } from '../bank/check-content.ts';
import type { Compass, Stance } from '../bank/types.ts';
import { draftBalance, REPORT_SKIPS, withSilentGaps } from './balance.ts';
import { compassToDraft, draftToCompass } from './draft.ts';
import { measureRandomVoters, RANDOM_VOTER_SEED, shareStandardError } from './random-voters.ts';

const real = loadValidBank('questions/socialpolitik');
const report = readFileSync('questions/socialpolitik/REPORT.md', 'utf8').split('\n');

/** The report's way of writing a share: 0,173 → "17,3 %". */
const share = (x: number) => `${(100 * x).toFixed(1).replace('.', ',')} %`;

const stance = (position: Stance['position'], confidence: Stance['confidence'] = 1): Stance => ({
  position,
  confidence,
  quotes: position === null ? [] : ['q'],
  rationale: '',
});
const silent = stance(null, 0);

describe('draftBalance on the shipped compass', () => {
  // The report's own number of voters and seed.
  const balance = draftBalance(real, { voters: 1000 });

  it('gives the random voters of the bank report, row by row, for the same voters and seed', () => {
    expect(balance.seed).toBe(RANDOM_VOTER_SEED);
    expect(balance.randomVoters).toEqual(REPORT_SKIPS.map((s) => toolMeasure(real, s)));
    for (const row of balance.randomVoters) {
      const line = `| ${Math.round(100 * row.skipped)} % | ${real.parties.map((p) => share(row.first[p.id]!)).join(' | ')} | ${share(row.allRanked)} |`;
      expect(report).toContain(line);
    }
    expect(balance.allRanked).toBe(balance.randomVoters[0]!.allRanked);
  });

  it("gives each party's coverage as the report's table has it", () => {
    const n = real.statements.length;
    expect(balance.statements).toBe(n);
    for (const p of balance.parties) {
      const party = real.parties.find((q) => q.id === p.party)!;
      expect(p.coverage).toBe(p.stated / n);
      expect(p.uncoded).toBe(0);
      expect(report).toContain(
        `| ${party.short} ${party.municipality} | ${p.stated} av ${n} | ${Math.round((100 * p.stated) / n)} % | ${(p.meanConfidence ?? 0).toFixed(2)} | ${p.implied} |`,
      );
    }
  });

  it("gives the yes-sayer's matches of the report, and the direction's share", () => {
    const row = report.find((line) => line.startsWith('| Helt för överallt |'))!;
    const percents = [...row.matchAll(/\| (\d+) % \(K/g)].map((m) => Number(m[1]));
    expect(balance.yesSayer!.parties.map((p) => p.percent)).toEqual(percents);
    expect(balance.yesSayer!.highest).toBe(Math.max(...percents));
    const top = real.parties.filter((_, i) => percents[i] === Math.max(...percents));
    expect([...balance.yesSayer!.top].sort()).toEqual(top.map((p) => p.id).sort());
    const less = real.statements.filter((s) => s.direction === 'less').length;
    expect(balance.less).toEqual({
      count: less,
      share: less / real.statements.length,
      meetsRule: true,
    });
    expect(report.join('\n')).toContain(`${less} av ${real.statements.length} påståenden`);
  });

  it('is complete and says so', () => {
    expect(balance.complete).toBe(true);
    expect(balance.uncoded).toEqual([]);
    expect(balance.rules).toEqual({
      minCoverage: real.rules.minCoverage,
      minLessShare: real.rules.minLessShare,
      maxAgreeAllPercent: real.rules.maxAgreeAllPercent,
    });
  });
});

describe('the random voters moved from the tools', () => {
  it('are deterministic for a seed, and the shares of first places add up', () => {
    const one = measureRandomVoters(real, 0.1, 200, 5);
    expect(measureRandomVoters(real, 0.1, 200, 5)).toEqual(one);
    const sum = Object.values(one.first).reduce((x, y) => x + y, 0);
    expect(sum + one.noneRanked).toBeCloseTo(1, 9);
  });

  it("have a share's standard error of √(p(1 − p)/N), at most 1/(2√N)", () => {
    expect(shareStandardError(100)).toBeCloseTo(0.05, 12);
    expect(shareStandardError(100, 0.1)).toBeCloseTo(0.03, 12);
    expect(shareStandardError(300)).toBeLessThan(0.029);
  });
});

describe('draftBalance on a compass that is not completely coded', () => {
  // Party "l" not coded on the first five statements, "s" on the last one.
  const missing = new Set([
    ...real.statements.slice(0, 5).map((s) => `${s.id}/l`),
    `${real.statements.at(-1)!.id}/s`,
  ]);
  const partial: Compass = {
    ...real,
    statements: real.statements.map((s) => ({
      ...s,
      stances: Object.fromEntries(
        Object.entries(s.stances).filter(([party]) => !missing.has(`${s.id}/${party}`)),
      ),
    })),
  };
  const asSilent: Compass = {
    ...real,
    statements: real.statements.map((s) => ({
      ...s,
      stances: Object.fromEntries(
        Object.entries(s.stances).map(([party, st]) => [
          party,
          missing.has(`${s.id}/${party}`) ? silent : st,
        ]),
      ),
    })),
  };

  it('counts the missing stances as silent, says which they are, and is not complete', () => {
    const balance = draftBalance(partial, { voters: 100 });
    expect(balance.complete).toBe(false);
    expect(balance.uncoded).toEqual([
      ...real.statements.slice(0, 5).map((s) => ({ statement: s.id, party: 'l' })),
      { statement: real.statements.at(-1)!.id, party: 's' },
    ]);
    expect(balance.parties.find((p) => p.party === 'l')!.uncoded).toBe(5);
    expect(balance.parties.find((p) => p.party === 's')!.uncoded).toBe(1);
    expect(balance.parties.find((p) => p.party === 'c')!.uncoded).toBe(0);
    const same = draftBalance(asSilent, { voters: 100 });
    expect({
      ...balance,
      parties: balance.parties.map((p) => ({ ...p, uncoded: 0 })),
      uncoded: [],
      complete: true,
    }).toEqual(same);
  });

  it('leaves the compass it was given as it was', () => {
    const before = JSON.stringify(partial);
    draftBalance(partial, { voters: 10 });
    expect(JSON.stringify(partial)).toBe(before);
    expect(withSilentGaps(real).compass).toBe(real);
  });

  it("works on a workspace's draft with no codings at all: nobody can be ranked", () => {
    const { draft } = compassToDraft(real, {});
    const { compass } = draftToCompass({ ...draft, codings: [] });
    const balance = draftBalance(compass, { voters: 50 });
    expect(balance.uncoded).toHaveLength(real.statements.length * real.parties.length);
    expect(balance.parties.map((p) => [p.stated, p.coverage, p.meanConfidence])).toEqual(
      real.parties.map(() => [0, 0, null]),
    );
    expect(balance.yesSayer!.top).toEqual([]);
    expect(balance.yesSayer!.parties.every((p) => p.rank === null)).toBe(true);
    for (const row of balance.randomVoters) {
      expect(row.noneRanked).toBe(1);
      expect(row.allRanked).toBe(0);
    }
  });

  it('says "cannot tell" rather than 0 % when there is nothing to measure', () => {
    const empty = buildCompass({ parties: [{ id: 'a' }], statements: [] });
    const balance = draftBalance(empty, { voters: 10, skipped: [0.1] });
    expect(balance.statements).toBe(0);
    expect(balance.parties[0]!.coverage).toBeNull();
    expect(balance.less).toEqual({ count: 0, share: null, meetsRule: true });
    expect(balance.yesSayer).toBeNull();
    expect(balance.allRanked).toBeNull();
  });
});

describe('draftBalance on a tiny hand-made compass', () => {
  // "a" is for everything, "b" against everything, "c" states a position on one statement only.
  const ids = ['s1', 's2', 's3', 's4'];
  const built = buildCompass({
    parties: [{ id: 'a' }, { id: 'b' }, { id: 'c' }],
    statements: ids.map((id, j) => ({
      id,
      stances: { a: stance(1), b: stance(-1), c: j === 0 ? stance(0.5, 0.5) : silent },
    })),
  });
  const tiny: Compass = {
    ...built,
    statements: built.statements.map((s, j) => (j === 3 ? { ...s, direction: 'less' } : s)),
  };
  const balance = draftBalance(tiny, { voters: 400 });

  it('has the coverage, implied count and direction worked out by hand', () => {
    expect(
      balance.parties.map((p) => [p.party, p.stated, p.coverage, p.implied, p.meanConfidence]),
    ).toEqual([
      ['a', 4, 1, 0, 1],
      ['b', 4, 1, 0, 1],
      ['c', 1, 0.25, 1, 0.5],
    ]);
    expect(balance.less).toEqual({ count: 1, share: 0.25, meetsRule: true });
  });

  it('gives the yes-sayer party "a" at 100 %, "b" at 0 % and "c" no rank', () => {
    expect(balance.yesSayer).toEqual({
      top: ['a'],
      parties: [
        { party: 'a', percent: 100, rank: 1, aboveLimit: false },
        { party: 'b', percent: 0, rank: 2, aboveLimit: false },
        { party: 'c', percent: expect.any(Number) as number, rank: null, aboveLimit: false },
      ],
      highest: 100,
    });
  });

  it('never ranks "c" for random voters, so no voter sees every party ranked', () => {
    for (const row of balance.randomVoters) {
      expect(row.voters).toBe(400);
      expect(row.first.c).toBe(0);
      expect(row.allRanked).toBe(0);
    }
    const full = balance.randomVoters.find((row) => row.skipped === 0)!;
    // Answering all four, "a" and "b" are always ranked: one of them (or both) comes first.
    expect(full.noneRanked).toBe(0);
    expect(full.first.a! + full.first.b!).toBeCloseTo(1, 12);
    // "a" and "b" are mirror images and answers are symmetric: each first about half the time.
    expect(Math.abs(full.first.a! - 0.5)).toBeLessThan(4 * shareStandardError(400));
    expect(balance.allRanked).toBe(0);
  });

  it("is deterministic, and the seed is the report's unless another is given", () => {
    expect(draftBalance(tiny, { voters: 400 })).toEqual(balance);
    expect(balance.seed).toBe(RANDOM_VOTER_SEED);
    expect(draftBalance(tiny, { voters: 400, seed: 1 }).seed).toBe(1);
  });

  it("flags the rules the bank's content check would report, and only those", () => {
    const strict: Compass = {
      ...tiny,
      rules: { ...tiny.rules, minCoverage: 0.5, minLessShare: 0.5, maxAgreeAllPercent: 90 },
    };
    const flagged = draftBalance(strict, { voters: 10 });
    expect(flagged.parties.map((p) => [p.party, p.meetsCoverageRule])).toEqual([
      ['a', true],
      ['b', true],
      ['c', false],
    ]);
    expect(flagged.less.meetsRule).toBe(false);
    expect(flagged.yesSayer!.parties.map((p) => [p.party, p.aboveLimit])).toEqual([
      ['a', true],
      ['b', false],
      ['c', false],
    ]);
    const messages = checkContent(strict).map((issue) => issue.message);
    expect(messages.some((m) => m.startsWith('party "c" takes a stand on 1 of 4'))).toBe(true);
    expect(messages.some((m) => m.includes('direction "less"'))).toBe(true);
    // The content check looks at the yes-sayer only once the other rules hold.
    const onlyLimit: Compass = { ...tiny, rules: { ...tiny.rules, maxAgreeAllPercent: 90 } };
    expect(checkContent(onlyLimit).map((issue) => issue.message)).toEqual([
      expect.stringContaining('gets 100 % for party "a"') as string,
    ]);
    expect(draftBalance(onlyLimit, { voters: 10 }).yesSayer!.parties[0]!.aboveLimit).toBe(true);
  });
});
