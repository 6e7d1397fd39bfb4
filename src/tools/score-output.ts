import type { Compass } from '../domain/bank/types.ts';
import type { MethodScore, PartyScore, ScoreResult } from '../domain/scoring/index.ts';

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

function party(p: PartyScore) {
  return {
    party: p.party,
    percent: p.percent,
    score: round4(p.score),
    coverage: round4(p.coverage),
    agreement: p.agreement === null ? null : round4(p.agreement),
    agreementPercent: p.agreementPercent,
    stated: p.stated,
    eligible: p.eligible,
    ...(p.reason === null ? {} : { reason: p.reason }),
    rank: p.rank,
    range: p.range,
    exact: {
      score: [p.exactScore.numerator, p.exactScore.denominator],
      coverage: [p.exactCoverage.numerator, p.exactCoverage.denominator],
      agreement: p.exactAgreement && [p.exactAgreement.numerator, p.exactAgreement.denominator],
    },
  };
}

const method = (m: MethodScore) => ({
  party: m.party,
  percent: m.percent,
  eligible: m.eligible,
  rank: m.rank,
});

/** The scorer's JSON for one voter: the public output format of `npm run score`. */
export function scoreOutput(compass: Compass, result: ScoreResult) {
  const head = { compass: compass.id, version: compass.version };
  if (result.status !== 'ok')
    return {
      ...head,
      answered: 0,
      preliminary: false,
      results: [],
      reason: 'nothing answered: no result (never 0 % for everyone)',
    };
  return {
    ...head,
    answered: result.answered,
    preliminary: result.preliminary,
    needed: result.needed,
    results: result.parties.map((p) => ({
      ...party(p),
      contributions: Object.fromEntries(
        result.statements.map((id, j) => [
          id,
          round4(p.contributions[j]! / p.exactScore.denominator),
        ]),
      ),
    })),
    stability: {
      tau: result.stability.tau === null ? null : round4(result.stability.tau),
      label: result.stability.label,
      flips: result.stability.flips,
      top: result.stability.top,
    },
    themes: Object.fromEntries(
      Object.entries(result.themes).map(([id, t]) => [
        id,
        result.parties.map((p, i) => ({
          party: p.party,
          // null: fewer than 2 stated positions in the theme.
          percent: t.percent[i] ?? null,
          stated: t.stated[i],
        })),
      ]),
    ),
    methods: {
      statedOnly: result.methods.statedOnly.map(method),
      wahlOMat: result.methods.wahlOMat.map(method),
    },
  };
}
