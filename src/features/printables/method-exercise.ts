import type { Compass, Confidence, Position, Statement } from '../../domain/bank/types.ts';
import { percentHalfUp, scoreVoter, type Voter } from '../../domain/scoring/index.ts';

/**
 * The worked example of the method for class (`/larare/utskrift/metodovning`): a fictional voter
 * answers a handful of real statements, two real parties' coded positions, and every step of
 * docs/method.md written out, so that pupils can score by hand what the engine computes. The steps
 * are computed here in the engine's exact units (half steps, quarters, sixteenths) and the final
 * percentages are checked against `scoreVoter` itself: if the two ever disagree, this throws,
 * rather than print an exercise whose answers the app would contradict.
 */

/** How many statements the voter answers, and how many the exercise shows at most (one skipped). */
export const EXERCISE_ANSWERED = 5;

/** The fictional voter's answers, in the order of the answered statements. */
const ANSWER_PATTERN: readonly Position[] = [1, -0.5, 0.5, -1, 0];
/** Which of the answered statements (by index) the voter marks "viktigt för mig". */
const IMPORTANT = new Set([0, 2]);

/** One row of the voter's sheet: a statement and what the voter did with it. */
export interface ExerciseRow {
  readonly statement: string;
  /** 1-based, as in the app (`/fraga/<number>`). */
  readonly number: number;
  readonly answer: Position | 'skip';
  readonly important: boolean;
}

/** One party on one statement: the data, then each step. Steps are null where they do not apply. */
export interface PartyStep {
  readonly statement: string;
  readonly number: number;
  readonly skipped: boolean;
  /** The voter's answer v; null when skipped. */
  readonly answer: Position | null;
  /** w: 2 when important, 1 otherwise, 0 when skipped (does not count). */
  readonly weight: 0 | 1 | 2;
  /** The party's position p; null when the programme is silent. */
  readonly position: Position | null;
  /** c: 0 exactly when silent. */
  readonly confidence: Confidence;
  /** |v − p|, 0..2; null when skipped or silent. */
  readonly distance: number | null;
  /** a = 1 − |v − p| / 2; null when skipped or silent. */
  readonly agreement: number | null;
  /** e = c·a + (1 − c)·½; ½ when silent; null when skipped. */
  readonly value: number | null;
  /** w·e; null when skipped. */
  readonly weighted: number | null;
  /** w·16e: the same in sixteenths, an integer (the engine's unit). 0 when skipped. */
  readonly weighted16: number;
}

export interface PartyExercise {
  readonly party: string;
  readonly steps: readonly PartyStep[];
  /** W = Σ w over the answered statements. */
  readonly totalWeight: number;
  /** Σ w·e, and the same in sixteenths. */
  readonly sum: number;
  readonly sum16: number;
  /** Σ w·e / W as a whole percent, round half up (the engine's rounding). */
  readonly percent: number;
  /** Answered statements on which the programme takes a stand. */
  readonly stated: number;
  readonly answered: number;
  /** Ranked by the rule "at least 3, and at least a quarter, of the answered statements". */
  readonly eligible: boolean;
}

/** What silence did: the silent party's percentage had it taken the voter's side, or the opposite. */
export interface SilenceWhatIf {
  readonly party: string;
  readonly statement: string;
  readonly number: number;
  /** The percentage as computed (silence counts ½). */
  readonly percent: number;
  /** Had the programme said exactly what the voter answered (c = 1). */
  readonly percentIfSame: number;
  /** Had the programme said the opposite (c = 1). */
  readonly percentIfOpposite: number;
}

export interface MethodExercise {
  readonly parties: readonly [string, string];
  /** The statements of the exercise, in compass order (one of them skipped). */
  readonly rows: readonly ExerciseRow[];
  readonly voter: Voter;
  readonly results: readonly [PartyExercise, PartyExercise];
  readonly silence: SilenceWhatIf | null;
}

const stated = (statement: Statement, party: string) =>
  (statement.stances[party]?.position ?? null) !== null;

/** Fewer confidences below 1 first: simpler arithmetic for a first go. */
const doubt = (statement: Statement, parties: readonly string[]) =>
  parties.filter((party) => {
    const stance = statement.stances[party];
    return stance && stance.position !== null && stance.confidence < 1;
  }).length;

/** The pair of parties that makes the best exercise: most shared stands, then one silent somewhere. */
function pickParties(compass: Compass): [string, string] | null {
  let best: { pair: [string, string]; score: number } | null = null;
  const ids = compass.parties.map((party) => party.id);
  for (let i = 0; i < ids.length; i++)
    for (let j = i + 1; j < ids.length; j++) {
      const pair: [string, string] = [ids[i]!, ids[j]!];
      const both = compass.statements.filter((s) => pair.every((p) => stated(s, p))).length;
      const one = compass.statements.filter(
        (s) => pair.filter((p) => stated(s, p)).length === 1,
      ).length;
      const score = Math.min(both, 4) * 100 + Math.min(one, 1) * 10 + Math.min(both + one, 9);
      if (!best || score > best.score) best = { pair, score };
    }
  return best?.pair ?? null;
}

/**
 * The exercise for a compass, or null when it has fewer than two parties or three statements.
 * Deterministic: the same bank gives the same exercise. The statements are chosen so that both
 * parties take a stand on most, one party is silent on one (to show what silence does), at least
 * one position is less than certain when the bank has such (to show what doubt does), and one
 * more statement is skipped (to show that a skip does not count).
 */
export function methodExercise(compass: Compass): MethodExercise | null {
  const pair = pickParties(compass);
  if (!pair || compass.statements.length < 3) return null;
  const order = new Map(compass.statements.map((s, i) => [s.id, i]));
  const byCompassOrder = (a: Statement, b: Statement) => order.get(a.id)! - order.get(b.id)!;
  const simpleFirst = (a: Statement, b: Statement) =>
    doubt(a, pair) - doubt(b, pair) || byCompassOrder(a, b);
  const both = compass.statements.filter((s) => pair.every((p) => stated(s, p))).sort(simpleFirst);
  const one = compass.statements
    .filter((s) => pair.filter((p) => stated(s, p)).length === 1)
    .sort(simpleFirst);

  const target = Math.min(EXERCISE_ANSWERED, compass.statements.length - 1);
  const answered: Statement[] = [...both.slice(0, target - 1), ...one.slice(0, 1)];
  for (const s of [...both, ...one, ...compass.statements])
    if (answered.length < target && !answered.includes(s)) answered.push(s);
  // Show what doubt does: swap in a less-than-certain position when none was picked.
  if (!answered.some((s) => doubt(s, pair) > 0)) {
    const doubtful = both.find((s) => doubt(s, pair) > 0 && !answered.includes(s));
    let replace = answered.length - 1;
    while (replace >= 0 && !pair.every((p) => stated(answered[replace]!, p))) replace--;
    if (doubtful && replace >= 0) answered[replace] = doubtful;
  }
  const skipped =
    [...both, ...one, ...compass.statements].find((s) => !answered.includes(s)) ?? null;

  answered.sort(byCompassOrder);
  const answers = new Map(
    answered.map((s, i) => [
      s.id,
      { answer: ANSWER_PATTERN[i % ANSWER_PATTERN.length]!, important: IMPORTANT.has(i) },
    ]),
  );
  const shown = [...answered, ...(skipped ? [skipped] : [])].sort(byCompassOrder);
  const rows: ExerciseRow[] = shown.map((s) => {
    const given = answers.get(s.id);
    return {
      statement: s.id,
      number: order.get(s.id)! + 1,
      answer: given ? given.answer : 'skip',
      important: given?.important ?? false,
    };
  });
  const voter: Voter = {
    answers: Object.fromEntries(
      rows.map((row) => [row.statement, { answer: row.answer, important: row.important }]),
    ),
    parties: pair,
  };

  const results = pair.map((party) => partyExercise(compass, rows, party)) as [
    PartyExercise,
    PartyExercise,
  ];
  checkAgainstEngine(compass, voter, results);
  return {
    parties: pair,
    rows,
    voter,
    results,
    silence: silenceWhatIf(compass, voter, rows, pair),
  };
}

function partyExercise(
  compass: Compass,
  rows: readonly ExerciseRow[],
  party: string,
): PartyExercise {
  const steps = rows.map((row): PartyStep => {
    const stance = compass.statements.find((s) => s.id === row.statement)!.stances[party];
    const position = stance?.position ?? null;
    const confidence: Confidence = position === null ? 0 : stance!.confidence;
    const base = { statement: row.statement, number: row.number, position, confidence };
    if (row.answer === 'skip')
      return {
        ...base,
        skipped: true,
        answer: null,
        weight: 0,
        distance: null,
        agreement: null,
        value: null,
        weighted: null,
        weighted16: 0,
      };
    const weight = row.important ? 2 : 1;
    // The engine's units: half steps V, P; quarters Q; a in quarters; e in sixteenths.
    const q = Math.round(confidence * 4);
    const a4 = position === null ? null : 4 - Math.abs(Math.round(row.answer * 2 - position * 2));
    const e16 = a4 === null ? 8 : q * a4 + 2 * (4 - q);
    return {
      ...base,
      skipped: false,
      answer: row.answer,
      weight,
      distance: a4 === null ? null : (4 - a4) / 2,
      agreement: a4 === null ? null : a4 / 4,
      value: e16 / 16,
      weighted: (weight * e16) / 16,
      weighted16: weight * e16,
    };
  });
  const counted = steps.filter((step) => !step.skipped);
  const totalWeight = counted.reduce((sum, step) => sum + step.weight, 0);
  const sum16 = counted.reduce((sum, step) => sum + step.weighted16, 0);
  const statedCount = counted.filter((step) => step.position !== null).length;
  return {
    party,
    steps,
    totalWeight,
    sum: sum16 / 16,
    sum16,
    percent: percentHalfUp(sum16, 16 * totalWeight),
    stated: statedCount,
    answered: counted.length,
    eligible: statedCount >= 3 && 4 * statedCount >= counted.length,
  };
}

/** The engine is the truth: an exercise whose figures it would not give is a bug here. */
function checkAgainstEngine(compass: Compass, voter: Voter, results: readonly PartyExercise[]) {
  const scored = scoreVoter(compass, voter);
  if (scored.status !== 'ok') throw new Error('method exercise: the engine gave no result');
  for (const mine of results) {
    const engine = scored.parties.find((p) => p.party === mine.party);
    if (
      !engine ||
      engine.percent !== mine.percent ||
      engine.exactScore.numerator * mine.totalWeight * 16 !==
        mine.sum16 * engine.exactScore.denominator ||
      engine.eligible !== mine.eligible
    )
      throw new Error(`method exercise: hand steps for ${mine.party} differ from the engine`);
  }
}

const opposite = (answer: Position): Position => (answer === 0 ? 1 : (-answer as Position));

/** The first statement on which exactly one of the two parties is silent, and what a stand would have done. */
function silenceWhatIf(
  compass: Compass,
  voter: Voter,
  rows: readonly ExerciseRow[],
  pair: readonly string[],
): SilenceWhatIf | null {
  for (const row of rows) {
    if (row.answer === 'skip') continue;
    const statement = compass.statements.find((s) => s.id === row.statement)!;
    const silent = pair.filter((p) => !stated(statement, p));
    if (silent.length !== 1) continue;
    const party = silent[0]!;
    const percentWith = (position: Position | null): number => {
      const changed: Compass = {
        ...compass,
        statements: compass.statements.map((s) =>
          s.id !== statement.id
            ? s
            : {
                ...s,
                stances: {
                  ...s.stances,
                  [party]: {
                    position,
                    confidence: position === null ? 0 : 1,
                    quotes: position === null ? [] : ['–'],
                    rationale: '',
                  },
                },
              },
        ),
      };
      const scored = scoreVoter(changed, voter);
      if (scored.status !== 'ok') throw new Error('method exercise: the engine gave no result');
      return scored.parties.find((p) => p.party === party)!.percent;
    };
    return {
      party,
      statement: statement.id,
      number: row.number,
      percent: percentWith(null),
      percentIfSame: percentWith(row.answer),
      percentIfOpposite: percentWith(opposite(row.answer)),
    };
  }
  return null;
}
