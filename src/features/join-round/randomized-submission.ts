import {
  type Category,
  categoryOf,
  RANDOMIZATION_P,
  type RandomizedSubmission,
  randomizedSubmission,
  uniformFromRandomValues,
} from '../../domain/classroom/randomized-response.ts';
import type { Voter } from '../../domain/scoring/index.ts';

/**
 * The one randomized submission a pupil's browser sends: every statement of the compass, in its
 * order, as its category randomized with {@link RANDOMIZATION_P}, from `getRandomValues` (the
 * browser passes `crypto.getRandomValues.bind(crypto)`; tests a seeded source). Draw it once and
 * both show it (`RandomizedPreview`) and send it, so that what the pupil sees is what is sent.
 * Nothing else goes in: no "Viktigt för mig", no result, no name.
 *
 * @param statements the compass's statements, in compass order (only the ids are read).
 * @param answers the pupil's answers by statement id, as the answers store keeps them.
 * @param getRandomValues fills a Uint32Array with uniform random words and returns it.
 */
export function drawSubmission(
  statements: readonly { readonly id: string }[],
  answers: Voter['answers'],
  getRandomValues: (array: Uint32Array) => Uint32Array,
): RandomizedSubmission {
  return randomizedSubmission(
    statements,
    answers,
    RANDOMIZATION_P,
    uniformFromRandomValues(getRandomValues),
  );
}

/** One statement of a preview: the pupil's own category, the category sent, and whether they differ. */
export interface PreviewRow<S extends { readonly id: string }> {
  readonly statement: S;
  /** The category of the pupil's own answer (`hoppade-over` when skipped or not reached). */
  readonly own: Category;
  /** The category in the submission. */
  readonly sent: Category;
  /** The randomization sent another category than the pupil's own. */
  readonly swapped: boolean;
}

/**
 * The rows of a preview, in compass order: for each statement its own and its sent category.
 *
 * @throws RangeError when the submission has no category for a statement of the compass (it was
 *   drawn for another compass): the preview must show exactly what is sent, or nothing.
 */
export function previewRows<S extends { readonly id: string }>(
  statements: readonly S[],
  answers: Voter['answers'],
  submission: RandomizedSubmission,
): readonly PreviewRow<S>[] {
  return statements.map((statement) => {
    const sent = Object.hasOwn(submission.categories, statement.id)
      ? submission.categories[statement.id]
      : undefined;
    if (sent === undefined)
      throw new RangeError(`the submission has no category for "${statement.id}"`);
    const own = categoryOf(
      Object.hasOwn(answers, statement.id) ? answers[statement.id]?.answer : undefined,
    );
    return { statement, own, sent, swapped: own !== sent };
  });
}
