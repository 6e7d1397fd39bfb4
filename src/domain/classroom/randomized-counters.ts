/**
 * The counters of a randomized round: how many submissions the service received, and per
 * statement how many sent each category. The categories are already randomized in the pupils'
 * browsers (`randomized-response.ts`), so the counters, like everything the service ever sees,
 * hold no pupil's true answer. The five-point counters of `counters.ts` stay what the service
 * uses until it is switched over to these.
 */
import { describeValue } from '../answer/answer.ts';
import type { Compass } from '../bank/types.ts';
import { ClassroomError } from './classroom-error.ts';
import {
  CATEGORIES,
  type Category,
  pInHundredths,
  RANDOMIZATION_P,
} from './randomized-response.ts';

/** Submissions that sent each category for one statement: non-negative integers. */
export type CategoryCounts = Readonly<Record<Category, number>>;

/** The counters of a randomized round (or of one submission, or any set of them): JSON-safe. */
export interface RandomizedCounters {
  /** The p every counted submission was randomized with. */
  readonly p: number;
  /** Submissions counted. */
  readonly submissions: number;
  /** Per statement id of the compass; the four counts of a statement sum to `submissions`. */
  readonly statements: Readonly<Record<string, CategoryCounts>>;
}

const ZERO: CategoryCounts = { emot: 0, varken: 0, for: 0, 'hoppade-over': 0 };

/**
 * The counters of a round nobody has submitted to yet, for p = {@link RANDOMIZATION_P}: every
 * statement of the compass at zero. The neutral element of {@link addRandomizedCounters}.
 */
export function emptyRandomizedCounters(compass: Compass): RandomizedCounters {
  return {
    p: RANDOMIZATION_P,
    submissions: 0,
    statements: Object.fromEntries(compass.statements.map((s) => [s.id, { ...ZERO }])),
  };
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const isCategory = (x: unknown): x is Category => CATEGORIES.includes(x as Category);

/**
 * The counters of one submission (`submissions: 1`), read from the request body.
 *
 * Refused (a 4xx), with the codes of `ClassroomError`:
 * - `outdated-submission`: the five-point `{ "answers": … }` of an older app;
 * - `invalid-voter`: not `{ "p": <number>, "categories": { … } }` exactly, or a statement of the
 *   compass missing (the browser sends every statement randomized; counting a missing one as
 *   skipped would show that the pupil left it out);
 * - `wrong-randomization`: another p than the round's (the estimate assumes one p per round);
 * - `invalid-answer`: a value that is not one of the four categories;
 * - `unknown-statement`: a statement id the compass does not have.
 *
 * @param compass the round's compass (trusted: the server's own).
 * @param submission untrusted, the request body as parsed JSON.
 * @param p the round's p (default {@link RANDOMIZATION_P}, the one p the app sends).
 * @throws ClassroomError when the submission is refused.
 */
export function randomizedDelta(
  compass: Compass,
  submission: unknown,
  p: number = RANDOMIZATION_P,
): RandomizedCounters {
  if (!isRecord(submission))
    throw new ClassroomError('invalid-voter', 'a submission must be an object with "categories"');
  if (Object.hasOwn(submission, 'answers'))
    throw new ClassroomError(
      'outdated-submission',
      'the five-point shape {"answers": …} is no longer counted; send {"p", "categories"}',
    );
  for (const key of Object.keys(submission))
    if (key !== 'p' && key !== 'categories')
      throw new ClassroomError(
        'invalid-voter',
        `unknown field "${key}" in the submission; use "p" and "categories"`,
      );
  if (!Object.hasOwn(submission, 'p') || typeof submission.p !== 'number')
    throw new ClassroomError('invalid-voter', `"p" must be the number ${p}`);
  if (submission.p !== p)
    throw new ClassroomError('wrong-randomization', `"p" must be the round's ${p}`);
  const { categories } = submission;
  if (!isRecord(categories))
    throw new ClassroomError('invalid-voter', '"categories" must be an object by statement id');
  const known = new Set(compass.statements.map((s) => s.id));
  for (const [id, category] of Object.entries(categories)) {
    if (!known.has(id))
      throw new ClassroomError('unknown-statement', `unknown statement "${id}" in the categories`);
    if (!isCategory(category))
      throw new ClassroomError(
        'invalid-answer',
        `category of "${id}" is ${describeValue(category)}; use ${CATEGORIES.map((c) => `"${c}"`).join(', ')}`,
      );
  }
  for (const { id } of compass.statements)
    if (!Object.hasOwn(categories, id))
      throw new ClassroomError('invalid-voter', `statement "${id}" is missing from the categories`);
  return {
    p,
    submissions: 1,
    statements: Object.fromEntries(
      compass.statements.map(({ id }) => [id, { ...ZERO, [categories[id] as Category]: 1 }]),
    ),
  };
}

/**
 * The counters of two disjoint sets of submissions together: every count added. Pure,
 * associative and commutative, with {@link emptyRandomizedCounters} as neutral element. A
 * statement present in only one input counts as zero in the other.
 *
 * @throws RangeError when the two were randomized with different p: their counts cannot be
 *   estimated together.
 */
export function addRandomizedCounters(
  a: RandomizedCounters,
  b: RandomizedCounters,
): RandomizedCounters {
  if (a.p !== b.p) throw new RangeError(`cannot add counters of p = ${a.p} and p = ${b.p}`);
  pInHundredths(a.p);
  const ids = new Set([...Object.keys(a.statements), ...Object.keys(b.statements)]);
  const own = (record: RandomizedCounters['statements'], id: string): CategoryCounts =>
    (Object.hasOwn(record, id) ? record[id] : undefined) ?? ZERO;
  return {
    p: a.p,
    submissions: a.submissions + b.submissions,
    statements: Object.fromEntries(
      Array.from(ids, (id) => {
        const x = own(a.statements, id);
        const y = own(b.statements, id);
        const sum: CategoryCounts = {
          emot: x.emot + y.emot,
          varken: x.varken + y.varken,
          for: x.for + y.for,
          'hoppade-over': x['hoppade-over'] + y['hoppade-over'],
        };
        return [id, sum];
      }),
    ),
  };
}
