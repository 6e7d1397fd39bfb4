/**
 * The counters of a classroom round: the only thing the service keeps. A submission is turned
 * into the counters of one pupil ({@link submissionDelta}) and added to the round's
 * ({@link addCounters}); the answers themselves are never stored, so there is no row per pupil
 * that could be traced back to one.
 */
import type { Compass } from '../bank/types.ts';
import type { Voter, VoterAnswer } from '../scoring/index.ts';
import { parseVoter, scoreVoter, ScoringError } from '../scoring/index.ts';
import { ClassroomError } from './classroom-error.ts';

/** The five answers on the scale as object keys, in scale order (−1 helt emot … 1 helt för). */
export const ANSWER_KEYS = ['-1', '-0.5', '0', '0.5', '1'] as const;

/** An answer on the scale written as an object key: `"-1"`, `"-0.5"`, `"0"`, `"0.5"` or `"1"`. */
export type AnswerKey = (typeof ANSWER_KEYS)[number];

/**
 * How the pupils of a round answered one statement: counts of pupils, each a non-negative
 * integer. Every pupil counts in exactly one of the five answers or `skip`, so those six sum to
 * the round's `submissions`.
 */
export interface StatementCounts {
  /** Pupils who answered −1 (helt emot). */
  readonly '-1': number;
  /** Pupils who answered −0.5 (delvis emot). */
  readonly '-0.5': number;
  /** Pupils who answered 0 (varken för eller emot); a neutral answer is an answer. */
  readonly '0': number;
  /** Pupils who answered 0.5 (delvis för). */
  readonly '0.5': number;
  /** Pupils who answered 1 (helt för). */
  readonly '1': number;
  /** Pupils who skipped the statement or left it out of their submission. */
  readonly skip: number;
  /**
   * Pupils who answered and marked the statement "viktigt för mig"; at most the sum of the five
   * answers (a skipped statement cannot be important).
   */
  readonly important: number;
}

/** What a round knows about one party, summed over its pupils. */
export interface PartyCounters {
  /**
   * Σ of the party's whole percent (S, 0..100, as the engine computed it) over the pupils who
   * got a result: an integer 0..100 · `scored`.
   */
  readonly percentSum: number;
  /**
   * Pupils who got a result, i.e. answered at least one statement (the same for every party,
   * kept per party so that each party's mean is self-contained): 0..`submissions`.
   */
  readonly scored: number;
  /**
   * Pupils for whom the party came first: it is among the ranked parties with the highest whole
   * percent (the engine's `stability.top`); a shared first counts for every party in it.
   * 0..`scored`.
   */
  readonly first: number;
}

/** The counters of a round (or of one pupil, or of any set of pupils): plain, JSON-safe data. */
export interface RoundCounters {
  /** Pupils who submitted, a non-negative integer. */
  readonly submissions: number;
  /** Per statement id of the compass. */
  readonly statements: Readonly<Record<string, StatementCounts>>;
  /** Per party id of the compass. */
  readonly parties: Readonly<Record<string, PartyCounters>>;
}

const ZERO_COUNTS: StatementCounts = {
  '-1': 0,
  '-0.5': 0,
  '0': 0,
  '0.5': 0,
  '1': 0,
  skip: 0,
  important: 0,
};
const ZERO_PARTY: PartyCounters = { percentSum: 0, scored: 0, first: 0 };

/** A position's key: `String(-0.5)` would do, but the engine's scale is a closed list. */
const KEY_OF = new Map<number, AnswerKey>([
  [-1, '-1'],
  [-0.5, '-0.5'],
  [0, '0'],
  [0.5, '0.5'],
  [1, '1'],
]);

/**
 * The counters of a round nobody has submitted to yet: every statement and party of the compass
 * at zero. The neutral element of {@link addCounters}.
 */
export function emptyCounters(compass: Compass): RoundCounters {
  return {
    submissions: 0,
    statements: Object.fromEntries(compass.statements.map((s) => [s.id, { ...ZERO_COUNTS }])),
    parties: Object.fromEntries(compass.parties.map((p) => [p.id, { ...ZERO_PARTY }])),
  };
}

/**
 * The counters of one pupil (`submissions: 1`), computed from their answers by the engine's
 * `scoreVoter`; a percentage sent by the client is never used (it would be rejected as an
 * unknown field). Every statement of the compass counts once: its answer, or `skip` when the
 * pupil skipped it or left it out. A pupil who answered nothing counts as a submission with
 * `scored` 0 for every party.
 *
 * @param compass the round's compass (trusted: the server's own, of the round's version).
 * @param submission untrusted, the request body as parsed JSON:
 *   `{ "answers": { "<statement id>": { "answer": 1 | 0.5 | 0 | -0.5 | -1 | "skip", "important": true } } }`.
 * @throws ClassroomError with a stable `code` when the submission is refused (a 4xx).
 * @throws ScoringError `invalid-compass` when the compass itself is broken (a server fault).
 */
export function submissionDelta(compass: Compass, submission: unknown): RoundCounters {
  const voter = readSubmission(compass, submission);
  const result = scoreVoter(compass, voter);
  const statements = Object.fromEntries(
    compass.statements.map((s) => [s.id, countOf(voter.answers[s.id]!)]),
  );
  if (result.status !== 'ok')
    return {
      submissions: 1,
      statements,
      parties: Object.fromEntries(compass.parties.map((p) => [p.id, { ...ZERO_PARTY }])),
    };
  const percent = new Map(result.parties.map((p) => [p.party, p.percent]));
  const top = new Set(result.stability.top);
  return {
    submissions: 1,
    statements,
    parties: Object.fromEntries(
      compass.parties.map((p) => [
        p.id,
        { percentSum: percent.get(p.id)!, scored: 1, first: top.has(p.id) ? 1 : 0 },
      ]),
    ),
  };
}

const SKIPPED: VoterAnswer = { answer: 'skip' };

/**
 * The submission as a voter with an answer (or skip) for every statement of the compass, and
 * nothing else, so that every statement counts exactly once. `parseVoter` keeps every key as an
 * own property (even `__proto__`), so unknown ids are caught here with a classroom error code.
 */
function readSubmission(compass: Compass, submission: unknown): Voter {
  let voter: Voter;
  try {
    voter = parseVoter(submission);
  } catch (error) {
    if (!(error instanceof ScoringError)) throw error;
    // parseVoter names a bad answer `invalid-answer` and anything else about the shape
    // `invalid-voter`; a code it might add later is still a fault in the shape.
    const code = error.code === 'invalid-answer' ? 'invalid-answer' : 'invalid-voter';
    throw new ClassroomError(code, error.message, { cause: error });
  }
  if (voter.parties !== undefined)
    throw new ClassroomError(
      'party-filter',
      'a class submission compares every party; leave out "parties"',
    );
  const known = new Set(compass.statements.map((s) => s.id));
  for (const id of Object.keys(voter.answers))
    if (!known.has(id))
      throw new ClassroomError('unknown-statement', `unknown statement "${id}" in the answers`);
  return {
    answers: Object.fromEntries(
      compass.statements.map((s) => [
        s.id,
        Object.hasOwn(voter.answers, s.id) ? voter.answers[s.id]! : SKIPPED,
      ]),
    ),
  };
}

function countOf({ answer, important }: VoterAnswer): StatementCounts {
  if (answer === 'skip') return { ...ZERO_COUNTS, skip: 1 };
  // readAnswer already dropped "important" on a skip; only an answered statement gets here.
  return { ...ZERO_COUNTS, [KEY_OF.get(answer)!]: 1, important: important ? 1 : 0 };
}

/**
 * The counters of two disjoint sets of pupils together: every count added. Pure (neither input
 * is changed, the output shares no object with them), associative and commutative, with
 * {@link emptyCounters} as neutral element, so pupils' counters can be added in any order and
 * grouping. A statement or party present in only one input counts as zero in the other.
 */
export function addCounters(a: RoundCounters, b: RoundCounters): RoundCounters {
  return {
    submissions: a.submissions + b.submissions,
    statements: merge(a.statements, b.statements, ZERO_COUNTS, (x, y) => ({
      '-1': x['-1'] + y['-1'],
      '-0.5': x['-0.5'] + y['-0.5'],
      '0': x['0'] + y['0'],
      '0.5': x['0.5'] + y['0.5'],
      '1': x['1'] + y['1'],
      skip: x.skip + y.skip,
      important: x.important + y.important,
    })),
    parties: merge(a.parties, b.parties, ZERO_PARTY, (x, y) => ({
      percentSum: x.percentSum + y.percentSum,
      scored: x.scored + y.scored,
      first: x.first + y.first,
    })),
  };
}

/** Own properties only, so that an id such as `constructor` never reads `Object.prototype`. */
const own = <T>(record: Readonly<Record<string, T>>, id: string): T | undefined =>
  Object.hasOwn(record, id) ? record[id] : undefined;

function merge<T>(
  a: Readonly<Record<string, T>>,
  b: Readonly<Record<string, T>>,
  zero: T,
  add: (x: T, y: T) => T,
): Record<string, T> {
  const ids = new Set([...Object.keys(a), ...Object.keys(b)]);
  // Object.fromEntries defines own properties, so even an id "__proto__" stays a plain key.
  return Object.fromEntries(
    Array.from(ids, (id) => [id, add(own(a, id) ?? zero, own(b, id) ?? zero)]),
  );
}
