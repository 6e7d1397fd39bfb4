/**
 * What the teacher's view of a round may show, as the HTTP contract of the service: nothing
 * while the round is open, only the number of submissions below {@link MIN_SUBMISSIONS}, and
 * the counts and means once it is closed with enough pupils.
 */
import type { Compass } from '../bank/types.ts';
import { percentHalfUp } from '../scoring/index.ts';
import { ANSWER_KEYS, type RoundCounters, type StatementCounts } from './counters.ts';

/**
 * The fewest submissions for which a closed round's figures are shown (k = 5). With one
 * submission the figures would be that pupil's answers, and with two or three a teacher who
 * knows who took part could often tell who answered what; from five on, each pupil's answers
 * are mixed with at least four others'. (A count of 1 can still show that someone answered a
 * certain way, but not who.)
 */
export const MIN_SUBMISSIONS = 5;

/** The round is still open: no figures at all (the server answers 409). */
export interface OpenRound {
  readonly status: 'open';
}

/** The round is closed with fewer than {@link MIN_SUBMISSIONS} submissions: figures withheld. */
export interface WithheldResult {
  /** Pupils who submitted, 0..{@link MIN_SUBMISSIONS} − 1. */
  readonly submissions: number;
  readonly withheld: 'too-few';
}

/** One party in a class result. */
export interface ClassParty {
  /**
   * The class's mean of the party's whole percent (S, 0..100) over the pupils who got a
   * result, rounded half up to a whole percent; null when no pupil got a result.
   */
  readonly meanPercent: number | null;
  /** Pupils for whom the party came first (shared firsts count for each), 0..submissions. */
  readonly first: number;
}

/** The figures of a closed round with at least {@link MIN_SUBMISSIONS} submissions. */
export interface ClassFigures {
  /** The compass id. */
  readonly compass: string;
  /** The compass version the pupils answered. */
  readonly version: string;
  /** Pupils who submitted, ≥ {@link MIN_SUBMISSIONS}. */
  readonly submissions: number;
  /**
   * Per statement id of the compass, every statement present; the six answer and skip counts
   * sum to `submissions`. Show them in compass order: a JSON object puts numeric ids first.
   */
  readonly statements: Readonly<Record<string, StatementCounts>>;
  /** Per party id of the compass, every party present. */
  readonly parties: Readonly<Record<string, ClassParty>>;
}

/** The response body for a round's result: exactly one of the three shapes. */
export type ClassResult = OpenRound | WithheldResult | ClassFigures;

/**
 * The result of a round for the teacher, with the k ≥ 5 rule applied: while `open`, only
 * `{ status: 'open' }` (so counts cannot be watched growing one pupil at a time); closed with
 * fewer than {@link MIN_SUBMISSIONS} submissions, only their number; otherwise every statement's
 * counts and every party's mean percent and firsts. Pure; the output shares no object with the
 * counters.
 *
 * @param compass the round's compass, of the version the counters were kept for.
 * @param counters the round's counters, the sum of its pupils' {@link submissionDelta}s.
 * @throws RangeError when a closed round's counters do not fit the compass or contradict each
 *   other (stored counters of another compass version, or damaged): a server fault (5xx),
 *   reported rather than shown as wrong figures or figures that slip past the k ≥ 5 rule.
 */
export function classResult(
  compass: Compass,
  counters: RoundCounters,
  { open }: { readonly open: boolean },
): ClassResult {
  if (open) return { status: 'open' };
  const problem = countersProblem(compass, counters);
  if (problem !== null)
    throw new RangeError(
      `counters do not fit compass "${compass.id}" version "${compass.version}": ${problem}`,
    );
  const { submissions } = counters;
  if (submissions < MIN_SUBMISSIONS) return { submissions, withheld: 'too-few' };
  return {
    compass: compass.id,
    version: compass.version,
    submissions,
    statements: Object.fromEntries(
      compass.statements.map((s) => {
        const c = counters.statements[s.id]!;
        const counts: StatementCounts = {
          '-1': c['-1'],
          '-0.5': c['-0.5'],
          '0': c['0'],
          '0.5': c['0.5'],
          '1': c['1'],
          skip: c.skip,
          important: c.important,
        };
        return [s.id, counts];
      }),
    ),
    parties: Object.fromEntries(
      compass.parties.map((p) => {
        const { percentSum, scored, first } = counters.parties[p.id]!;
        // Round half up of percentSum / scored, exactly: percentHalfUp(n, d) is
        // ⌊(200·n + d) / (2·d)⌋, so with d = 100·scored it is ⌊(2·sum + scored) / (2·scored)⌋.
        const meanPercent = scored === 0 ? null : percentHalfUp(percentSum, 100 * scored);
        const party: ClassParty = { meanPercent, first };
        return [p.id, party];
      }),
    ),
  };
}

const isCount = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;

/** What is wrong with the counters for this compass, or null when they are consistent. */
function countersProblem(compass: Compass, counters: RoundCounters): string | null {
  const { submissions } = counters;
  if (!isCount(submissions)) return `submissions is ${String(submissions)}`;
  const statementIds = new Set(compass.statements.map((s) => s.id));
  for (const id of Object.keys(counters.statements))
    if (!statementIds.has(id)) return `statement "${id}" is not in the compass`;
  for (const id of statementIds) {
    const c = Object.hasOwn(counters.statements, id) ? counters.statements[id] : undefined;
    if (c === undefined) return `statement "${id}" has no counts`;
    const counts = [...ANSWER_KEYS, 'skip', 'important'] as const;
    if (!counts.every((key) => isCount(c[key])))
      return `statement "${id}" has a count that is not a whole number ≥ 0`;
    const answered = ANSWER_KEYS.reduce((sum, key) => sum + c[key], 0);
    if (answered + c.skip !== submissions)
      return `statement "${id}": answers and skips sum to ${answered + c.skip}, not ${submissions}`;
    if (c.important > answered)
      return `statement "${id}": ${c.important} important, but only ${answered} answered`;
  }
  const partyIds = new Set(compass.parties.map((p) => p.id));
  for (const id of Object.keys(counters.parties))
    if (!partyIds.has(id)) return `party "${id}" is not in the compass`;
  for (const id of partyIds) {
    const c = Object.hasOwn(counters.parties, id) ? counters.parties[id] : undefined;
    if (c === undefined) return `party "${id}" has no counters`;
    if (![c.percentSum, c.scored, c.first].every(isCount))
      return `party "${id}" has a counter that is not a whole number ≥ 0`;
    if (c.scored > submissions) return `party "${id}": scored ${c.scored} > ${submissions}`;
    if (c.first > c.scored) return `party "${id}": first ${c.first} > scored ${c.scored}`;
    if (c.percentSum > 100 * c.scored)
      return `party "${id}": percentSum ${c.percentSum} > 100 · scored ${c.scored}`;
  }
  return null;
}
