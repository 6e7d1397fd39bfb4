import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import { fuzzRuns } from '../../test/tier.ts';
import type { Compass, Confidence, Position, Stance } from '../bank/types.ts';
import { scoreVoter } from './score-voter.ts';
import type { Answer, ScoredVoter, Voter, VoterAnswer } from './types.ts';

// Every invariant listed in docs/method.md, over generated compasses and voters, plus an
// independent, deliberately naive reference implementation that the engine must agree with.

const POS: Position[] = [-1, -0.5, 0, 0.5, 1];
const NAMES = ['Alfa', 'Ängla', 'Östra', 'Zeta', 'Åsa', 'beta', 'Beta', 'Ö2', 'Aa'];
const silent: Stance = { position: null, confidence: 0, quotes: [], rationale: '' };

const stanceArb = (positions: Position[] = POS, silence = true): fc.Arbitrary<Stance> => {
  const stated = fc
    .tuple(fc.constantFrom(...positions), fc.constantFrom<Confidence>(0.5, 0.75, 1))
    .map(([position, confidence]): Stance => ({
      position,
      confidence,
      quotes: ['q'],
      rationale: 'r',
    }));
  return silence ? fc.oneof(stated, fc.constant(silent)) : stated;
};

function makeCompass(partyCount: number, rows: { theme: string; stances: Stance[] }[]): Compass {
  const parties = Array.from({ length: partyCount }, (_, i) => ({
    id: `p${i}`,
    name: NAMES[i % NAMES.length]!,
  }));
  return buildCompass({
    id: 'gen',
    parties,
    themes: ['t1', 't2', 't3'],
    statements: rows.map((row, j) => ({
      id: `s${j}`,
      theme: row.theme,
      stances: Object.fromEntries(parties.map((p, i) => [p.id, row.stances[i]!])),
    })),
  });
}

const answerArb: fc.Arbitrary<VoterAnswer> = fc.record({
  answer: fc.oneof(fc.constantFrom<Answer>(...POS), fc.constant<Answer>('skip')),
  important: fc.boolean(),
});

/** A compass (1–5 parties, 1–14 statements, 3 themes) and a voter for it. */
const scenarioArb = (positions: Position[] = POS, silence = true) =>
  fc
    .tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 14 }))
    .chain(([p, n]) =>
      fc.tuple(
        fc.array(
          fc.record({
            theme: fc.constantFrom('t1', 't2', 't3'),
            stances: fc.array(stanceArb(positions, silence), { minLength: p, maxLength: p }),
          }),
          {
            minLength: n,
            maxLength: n,
          },
        ),
        fc.array(answerArb, { minLength: n, maxLength: n }),
        fc.constant(p),
      ),
    )
    .map(([rows, answers, p]) => {
      const compass = makeCompass(p, rows);
      const voter: Voter = {
        answers: Object.fromEntries(compass.statements.map((s, j) => [s.id, answers[j]!])),
      };
      return { compass, voter };
    });

const ok = (result: ReturnType<typeof scoreVoter>): ScoredVoter => {
  if (result.status !== 'ok') throw new Error('expected a result');
  return result;
};
const anyAnswered = (voter: Voter) =>
  Object.values(voter.answers).some((a) => a && a.answer !== 'skip');
const percents = (r: ScoredVoter) => Object.fromEntries(r.parties.map((p) => [p.party, p.percent]));
const numbers = (r: ScoredVoter) =>
  Object.fromEntries(
    r.parties.map((p) => [
      p.party,
      [
        p.percent,
        p.exactScore.numerator / p.exactScore.denominator,
        p.coverage,
        p.agreement,
        p.stated,
        p.eligible,
        p.range,
      ],
    ]),
  );

// ---------------------------------------------------------------------------------------------
// The naive reference: floats straight from the formulas, full recomputation for leave-one-out,
// localeCompare for ties. Written for clarity, not speed, and sharing no code with the engine.
interface Naive {
  party: string;
  percent: number;
  coverage: number;
  agreement: number | null;
  stated: number;
  eligible: boolean;
}
/**
 * Scores with the statement `skipAlso` left out. Eligibility: stated ≥ 3 and 4·stated ≥ answered,
 * plain counts; in a leave-one-out run (`rankedSet` given) the ranked set is the full result's.
 */
function naiveScores(
  compass: Compass,
  voter: Voter,
  skipAlso?: string,
  rankedSet?: ReadonlySet<string>,
): Naive[] | null {
  const answered = compass.statements.filter((s) => {
    const a = voter.answers[s.id];
    return a && a.answer !== 'skip' && s.id !== skipAlso;
  });
  if (answered.length === 0) return null;
  return compass.parties.map((party) => {
    let W = 0;
    let sumE = 0;
    let sumC = 0;
    let sumCA = 0;
    let stated = 0;
    for (const s of answered) {
      const { answer, important } = voter.answers[s.id]!;
      const v = answer as number;
      const w = important ? 2 : 1;
      const st = s.stances[party.id]!;
      const c = st.position === null ? 0 : st.confidence;
      const a = st.position === null ? 0 : 1 - Math.abs(v - st.position) / 2;
      if (st.position !== null && c > 0) stated++;
      W += w;
      sumE += w * (c * a + (1 - c) * 0.5);
      sumC += w * c;
      sumCA += w * c * a;
    }
    const K = sumC / W;
    return {
      party: party.id,
      percent: Math.round((sumE / W) * 100 + 1e-9),
      coverage: K,
      agreement: sumC === 0 ? null : sumCA / sumC,
      stated,
      eligible: rankedSet ? rankedSet.has(party.id) : stated >= 3 && 4 * stated >= answered.length,
    };
  });
}
function naiveTop(scores: Naive[]): string[] {
  const eligible = scores.filter((s) => s.eligible);
  const best = Math.max(...eligible.map((s) => s.percent));
  return eligible
    .filter((s) => s.percent === best)
    .map((s) => s.party)
    .sort();
}
function naiveOrder(compass: Compass, scores: Naive[]): [string, number | null][] {
  const name = (id: string) => compass.parties.find((p) => p.id === id)!.name;
  const byName = (a: Naive, b: Naive) =>
    name(a.party).localeCompare(name(b.party), 'sv') || (a.party < b.party ? -1 : 1);
  const ranked = scores
    .filter((s) => s.eligible)
    .sort((a, b) => b.percent - a.percent || byName(a, b));
  const unranked = scores.filter((s) => !s.eligible).sort(byName);
  return [
    ...ranked.map((s): [string, number | null] => [
      s.party,
      1 + ranked.filter((o) => o.percent > s.percent).length,
    ]),
    ...unranked.map((s): [string, number | null] => [s.party, null]),
  ];
}

describe('the engine agrees with the naive reference', () => {
  it('on S, K, M, stated, eligibility, rank, order, ranges, τ and flips', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        const result = scoreVoter(compass, voter);
        const naive = naiveScores(compass, voter);
        if (naive === null) {
          expect(result.status).toBe('no-result');
          return;
        }
        const r = ok(result);
        expect(r.parties.map((p) => [p.party, p.rank])).toEqual(naiveOrder(compass, naive));
        for (const n of naive) {
          const p = r.parties.find((x) => x.party === n.party)!;
          expect([p.percent, p.stated, p.eligible]).toEqual([n.percent, n.stated, n.eligible]);
          expect(p.coverage).toBeCloseTo(n.coverage, 12);
          if (n.agreement === null) expect(p.agreement).toBeNull();
          else expect(p.agreement).toBeCloseTo(n.agreement, 12);
          expect(Number.isNaN(p.score)).toBe(false);
        }
        // Leave one out, by full recomputation.
        const top = naiveTop(naive);
        const flips: string[] = [];
        const ranges = new Map<string, number[]>();
        const answered = r.statements;
        const rankedSet = new Set(naive.filter((n) => n.eligible).map((n) => n.party));
        if (answered.length > 1) {
          for (const id of answered) {
            const run = naiveScores(compass, voter, id, rankedSet)!;
            if (naiveTop(run).join() !== top.join()) flips.push(id);
            for (const s of run) ranges.set(s.party, [...(ranges.get(s.party) ?? []), s.percent]);
          }
          for (const p of r.parties)
            expect(p.range).toEqual([
              Math.min(...ranges.get(p.party)!),
              Math.max(...ranges.get(p.party)!),
            ]);
          expect(r.stability.flips).toEqual(flips);
          expect(r.stability.tau).toBeCloseTo(
            (answered.length - flips.length) / answered.length,
            12,
          );
        } else {
          for (const p of r.parties) expect(p.range).toEqual([p.percent, p.percent]);
          expect(r.stability.tau).toBeNull();
        }
        expect([...r.stability.top].sort()).toEqual(top);
      }),
      { numRuns: fuzzRuns(100, 3000) },
    );
  });
});

describe('the invariants of docs/method.md', () => {
  it('range: 0 ≤ S, K ≤ 1, percent 0..100, never NaN', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        const result = scoreVoter(compass, voter);
        if (result.status !== 'ok') return;
        for (const p of result.parties) {
          for (const x of [p.score, p.coverage, p.agreement ?? 0.5])
            expect(x >= 0 && x <= 1).toBe(true);
          expect(Number.isInteger(p.percent) && p.percent >= 0 && p.percent <= 100).toBe(true);
          expect(p.range[0] <= p.percent && p.percent <= p.range[1]).toBe(true);
        }
      }),
    );
  });

  it('answering exactly as a fully explicit party gives 100 %, the exact opposite (on ±1) 0 %', () => {
    fc.assert(
      fc.property(scenarioArb([-1, 1], false), ({ compass }) => {
        const party = compass.parties[0]!.id;
        const full = compass.statements.map((s) => ({
          ...s,
          stances: { ...s.stances, [party]: { ...s.stances[party]!, confidence: 1 as const } },
        }));
        const c = { ...compass, statements: full };
        const same = Object.fromEntries(
          full.map((s) => [s.id, { answer: s.stances[party]!.position! }]),
        );
        const opposite = Object.fromEntries(
          full.map((s) => [s.id, { answer: -s.stances[party]!.position! as Position }]),
        );
        expect(
          ok(scoreVoter(c, { answers: same })).parties.find((p) => p.party === party)!.percent,
        ).toBe(100);
        expect(
          ok(scoreVoter(c, { answers: opposite })).parties.find((p) => p.party === party)!.percent,
        ).toBe(0);
      }),
    );
  });

  it('skip-all gives no result', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass }) => {
        const answers = Object.fromEntries(
          compass.statements.map((s) => [s.id, { answer: 'skip' as const }]),
        );
        expect(scoreVoter(compass, { answers }).status).toBe('no-result');
      }),
    );
  });

  it('a fully silent party has S = ½ and is never ranked', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter));
        const mute = {
          ...compass,
          statements: compass.statements.map((s) => ({
            ...s,
            stances: { ...s.stances, p0: silent },
          })),
        };
        const p = ok(scoreVoter(mute, voter)).parties.find((x) => x.party === 'p0')!;
        expect([p.score, p.percent, p.rank, p.eligible, p.agreement]).toEqual([
          0.5,
          50,
          null,
          false,
          null,
        ]);
      }),
    );
  });

  it('reordering statements or parties changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter));
        const reversed = {
          ...compass,
          parties: [...compass.parties].reverse(),
          statements: [...compass.statements].reverse(),
        };
        const a = ok(scoreVoter(compass, voter));
        const b = ok(scoreVoter(reversed, voter));
        expect(numbers(b)).toEqual(numbers(a));
        expect(b.parties.map((p) => [p.party, p.rank])).toEqual(
          a.parties.map((p) => [p.party, p.rank]),
        );
        expect(b.stability.tau).toBe(a.stability.tau);
        expect([...b.stability.flips].sort()).toEqual([...a.stability.flips].sort());
      }),
    );
  });

  it('adding or removing a party changes no other party’s numbers', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter) && compass.parties.length > 1);
        const all = numbers(ok(scoreVoter(compass, voter)));
        const without = numbers(
          ok(scoreVoter(compass, { ...voter, parties: compass.parties.slice(1).map((p) => p.id) })),
        );
        for (const [party, values] of Object.entries(without)) expect(values).toEqual(all[party]);
      }),
    );
  });

  it('skipping a statement equals deleting it', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter));
        const kept = {
          ...compass,
          statements: compass.statements.filter((s) => voter.answers[s.id]!.answer !== 'skip'),
        };
        const answers = Object.fromEntries(
          Object.entries(voter.answers).filter(([, a]) => a!.answer !== 'skip'),
        );
        expect(numbers(ok(scoreVoter(kept, { answers })))).toEqual(
          numbers(ok(scoreVoter(compass, voter))),
        );
      }),
    );
  });

  it('multiplying all weights by a constant changes nothing (all important = none important)', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter));
        const set = (important: boolean) => ({
          answers: Object.fromEntries(
            Object.entries(voter.answers).map(([id, a]) => [id, { answer: a!.answer, important }]),
          ),
        });
        expect(percents(ok(scoreVoter(compass, set(true))))).toEqual(
          percents(ok(scoreVoter(compass, set(false)))),
        );
      }),
    );
  });

  it('w = 2 equals answering the statement twice', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter));
        const statements = compass.statements.flatMap((s) =>
          voter.answers[s.id]!.important ? [s, { ...s, id: `${s.id}-again` }] : [s],
        );
        const answers = Object.fromEntries(
          statements.map((s) => [
            s.id,
            { answer: voter.answers[s.id.replace(/-again$/, '')]!.answer },
          ]),
        );
        const doubled = ok(scoreVoter({ ...compass, statements }, { answers }));
        expect(percents(doubled)).toEqual(percents(ok(scoreVoter(compass, voter))));
      }),
    );
  });

  it('moving an answer toward a party’s position never lowers that party’s score', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), ({ compass, voter }, pick) => {
        const answered = compass.statements.filter((s) => voter.answers[s.id]!.answer !== 'skip');
        fc.pre(answered.length > 0);
        const s = answered[pick % answered.length]!;
        const given = voter.answers[s.id]!;
        const v = given.answer as number;
        for (const party of compass.parties) {
          const p = s.stances[party.id]!.position;
          if (p === null || p === v) continue;
          const moved = (v + Math.sign(p - v) * 0.5) as Position;
          const before = ok(scoreVoter(compass, voter)).parties.find(
            (x) => x.party === party.id,
          )!.exactScore;
          const after = ok(
            scoreVoter(compass, {
              answers: { ...voter.answers, [s.id]: { ...given, answer: moved } },
            }),
          ).parties.find((x) => x.party === party.id)!.exactScore;
          expect(after.numerator * before.denominator).toBeGreaterThanOrEqual(
            before.numerator * after.denominator,
          );
        }
      }),
    );
  });

  it('c = 0 gives the same S as silence', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        fc.pre(anyAnswered(voter));
        const zero = (toZero: boolean) => ({
          ...compass,
          statements: compass.statements.map((s) => {
            const st = s.stances.p0!;
            const replaced: Stance =
              toZero && st.position !== null ? { ...st, confidence: 0 } : toZero ? st : silent;
            return { ...s, stances: { ...s.stances, p0: st.position === null ? st : replaced } };
          }),
        });
        const a = ok(scoreVoter(zero(true), voter)).parties.find((p) => p.party === 'p0')!;
        const b = ok(scoreVoter(zero(false), voter)).parties.find((p) => p.party === 'p0')!;
        expect(a.exactScore).toEqual(b.exactScore);
      }),
    );
  });

  it('negating a statement’s wording together with all positions changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.nat(), ({ compass, voter }, pick) => {
        fc.pre(anyAnswered(voter));
        const target = compass.statements[pick % compass.statements.length]!;
        const neg = (x: number) => (x === 0 ? 0 : -x) as Position;
        const statements = compass.statements.map((s) =>
          s.id !== target.id
            ? s
            : {
                ...s,
                stances: Object.fromEntries(
                  Object.entries(s.stances).map(([id, st]) => [
                    id,
                    st.position === null ? st : { ...st, position: neg(st.position) },
                  ]),
                ),
              },
        );
        const given = voter.answers[target.id]!;
        const answers = {
          ...voter.answers,
          [target.id]: given.answer === 'skip' ? given : { ...given, answer: neg(given.answer) },
        };
        expect(numbers(ok(scoreVoter({ ...compass, statements }, { answers })))).toEqual(
          numbers(ok(scoreVoter(compass, voter))),
        );
      }),
    );
  });

  it('on a 3-point scale with full coverage the score equals the Wahl-O-Mat rule', () => {
    fc.assert(
      fc.property(scenarioArb([-1, 0, 1], false), ({ compass, voter }) => {
        const answers = Object.fromEntries(
          Object.entries(voter.answers).map(([id, a]) => [
            id,
            a!.answer === 0.5 || a!.answer === -0.5 ? { ...a!, answer: 0 as Position } : a,
          ]),
        );
        const full = {
          ...compass,
          statements: compass.statements.map((s) => ({
            ...s,
            stances: Object.fromEntries(
              Object.entries(s.stances).map(([id, st]) => [id, { ...st, confidence: 1 as const }]),
            ),
          })),
        };
        const result = scoreVoter(full, { answers });
        if (result.status !== 'ok') return;
        const wom = new Map(result.methods.wahlOMat.map((m) => [m.party, m.percent]));
        for (const p of result.parties) expect(wom.get(p.party)).toBe(p.percent);
      }),
    );
  });

  it('per-statement contributions sum exactly to S, and theme scores recombine to S', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        const result = scoreVoter(compass, voter);
        if (result.status !== 'ok') return;
        const themes = Object.values(result.themes);
        // Σ_t W_t·S_t / W = S, exactly: numerators add up over the same unit 1/16.
        expect(themes.reduce((a, t) => a + t.weight, 0)).toBe(result.weight);
        result.parties.forEach((p, i) => {
          expect(p.contributions.reduce((a, b) => a + b, 0)).toBe(p.exactScore.numerator);
          expect(p.exactScore.denominator).toBe(16 * result.weight);
          expect(themes.reduce((a, t) => a + t.points[i]!, 0)).toBe(p.exactScore.numerator);
          for (const t of themes) {
            const percent = t.percent[i];
            expect(percent === null).toBe(t.stated[i]! < 2);
            if (percent !== null)
              expect(percent).toBe(
                Math.floor((200 * t.points[i]! + 16 * t.weight) / (32 * t.weight)),
              );
          }
        });
      }),
    );
  });

  it('incremental leave-one-out equals full recomputation', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        const result = scoreVoter(compass, voter);
        if (result.status !== 'ok' || result.answered < 2) return;
        const top = [...result.stability.top].sort().join();
        // The ranked set stays the full result's; a run recomputes percentages only.
        const ranked = new Set(result.parties.filter((p) => p.eligible).map((p) => p.party));
        const flips: string[] = [];
        const seen = new Map<string, number[]>();
        for (const id of result.statements) {
          const run = ok(
            scoreVoter(compass, { answers: { ...voter.answers, [id]: { answer: 'skip' } } }),
          );
          const inRun = run.parties.filter((p) => ranked.has(p.party));
          const best = Math.max(...inRun.map((p) => p.percent));
          const runTop = inRun
            .filter((p) => p.percent === best)
            .map((p) => p.party)
            .sort()
            .join();
          if (runTop !== top) flips.push(id);
          for (const p of run.parties) seen.set(p.party, [...(seen.get(p.party) ?? []), p.percent]);
        }
        expect(result.stability.flips).toEqual(flips);
        for (const p of result.parties)
          expect(p.range).toEqual([
            Math.min(...seen.get(p.party)!),
            Math.max(...seen.get(p.party)!),
          ]);
      }),
    );
  });

  it('eligibility counts stated positions plainly: confidence and importance never change it', () => {
    fc.assert(
      fc.property(scenarioArb(), fc.boolean(), ({ compass, voter }, important) => {
        fc.pre(anyAnswered(voter));
        const firm = {
          ...compass,
          statements: compass.statements.map((s) => ({
            ...s,
            stances: Object.fromEntries(
              Object.entries(s.stances).map(([id, st]) => [
                id,
                st.position === null ? st : { ...st, confidence: 1 as const },
              ]),
            ),
          })),
        };
        const weighed = {
          answers: Object.fromEntries(
            Object.entries(voter.answers).map(([id, a]) => [id, { answer: a!.answer, important }]),
          ),
        };
        const result = ok(scoreVoter(compass, voter));
        const eligibility = (r: ScoredVoter) =>
          Object.fromEntries(r.parties.map((p) => [p.party, p.eligible]));
        expect(eligibility(ok(scoreVoter(firm, voter)))).toEqual(eligibility(result));
        expect(eligibility(ok(scoreVoter(compass, weighed)))).toEqual(eligibility(result));
        for (const p of result.parties) {
          const expected = p.stated >= 3 && 4 * p.stated >= result.answered;
          expect(p.eligible).toBe(expected);
          expect(p.reason).toBe(expected ? null : p.stated < 3 ? 'too-few-stated' : 'small-share');
        }
      }),
    );
  });

  it('stability never changes the ranked set: every top party of the result is ranked', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        const result = scoreVoter(compass, voter);
        if (result.status !== 'ok') return;
        const ranked = result.parties.filter((p) => p.rank !== null).map((p) => p.party);
        for (const id of result.stability.top) expect(ranked).toContain(id);
        if (ranked.length === 0) expect(result.stability.flips).toEqual([]);
      }),
    );
  });

  it('returns plain data: a structured clone and a JSON round trip are equal to the result', () => {
    fc.assert(
      fc.property(scenarioArb(), ({ compass, voter }) => {
        const result = scoreVoter(compass, voter);
        expect(structuredClone(result)).toEqual(result);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      { numRuns: fuzzRuns(20, 500) },
    );
  });
});
