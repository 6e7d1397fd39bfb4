import {
  CATEGORIES,
  type Category,
  categoryOf,
  RANDOMIZATION_P,
  type RandomizedSubmission,
} from '../../domain/classroom/randomized-response.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { drawSubmission } from './randomized-submission.ts';

/**
 * The one drawn submission of a pupil for a joined round, kept so that it is drawn once: the
 * preview shows it, the send sends it, and a retry (also after a reload of the tab) sends the
 * same body with the same idempotency key. Kept in sessionStorage with the round's code and
 * idempotency key, and in memory for when storage is blocked (then for the life of the page).
 * It is drawn again only when the category of an answer changes (a new draw of the same
 * categories would tell nothing new, and changing "helt" to "delvis" keeps the category), or for
 * another round or key. Leaving the round makes a new key, so the next pupil on a shared computer
 * never reuses it.
 */
export const DRAWN_STORAGE_KEY = 'valkompass-class-submission';

interface Stored {
  readonly code: string;
  readonly key: string;
  /** The categories of the pupil's own answers the draw was made from, in compass order. */
  readonly own: readonly Category[];
  readonly submission: RandomizedSubmission;
}

let inMemory: Stored | null = null;

const session = (): Storage | undefined => {
  try {
    return typeof sessionStorage === 'undefined' ? undefined : sessionStorage;
  } catch {
    return undefined;
  }
};

const isCategory = (x: unknown): x is Category => CATEGORIES.includes(x as Category);

/** What storage holds, if it is whole and fits these statements; else null. */
function readStored(ids: readonly string[]): Stored | null {
  let value: unknown;
  try {
    const raw = session()?.getItem(DRAWN_STORAGE_KEY);
    value = raw ? JSON.parse(raw) : null;
  } catch {
    value = null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const s = value as Record<string, unknown>;
  const submission = s.submission as Record<string, unknown> | null | undefined;
  if (
    typeof s.code !== 'string' ||
    typeof s.key !== 'string' ||
    !Array.isArray(s.own) ||
    !s.own.every(isCategory) ||
    typeof submission !== 'object' ||
    submission === null ||
    submission.p !== RANDOMIZATION_P ||
    typeof submission.categories !== 'object' ||
    submission.categories === null
  )
    return null;
  const categories = submission.categories as Record<string, unknown>;
  const keys = Object.keys(categories);
  if (keys.length !== ids.length || !ids.every((id) => isCategory(categories[id]))) return null;
  return {
    code: s.code,
    key: s.key,
    own: s.own,
    // Rebuilt in compass order, so the body sent reads the same as the one first drawn.
    submission: {
      p: RANDOMIZATION_P,
      categories: Object.fromEntries(ids.map((id) => [id, categories[id] as Category])),
    },
  };
}

const fits = (stored: Stored | null, code: string, key: string, own: readonly Category[]) =>
  stored !== null &&
  stored.code === code &&
  stored.key === key &&
  stored.own.length === own.length &&
  stored.own.every((c, i) => c === own[i]);

/**
 * The submission for this round, key and answers: the one drawn before when it still fits, else
 * a new draw (kept). Idempotent: calling it again with the same arguments returns the same body.
 *
 * @param round the joined round's code and idempotency key.
 * @param statements the compass's statements, in compass order.
 * @param answers the pupil's answers, as the answers store keeps them.
 * @param getRandomValues the browser's `crypto.getRandomValues.bind(crypto)`; tests a seeded one.
 */
export function keptSubmission(
  round: { readonly code: string; readonly key: string },
  statements: readonly { readonly id: string }[],
  answers: Voter['answers'],
  getRandomValues: (array: Uint32Array) => Uint32Array,
): RandomizedSubmission {
  const ids = statements.map((s) => s.id);
  const own = ids.map((id) =>
    categoryOf(Object.hasOwn(answers, id) ? answers[id]?.answer : undefined),
  );
  const stored = readStored(ids);
  if (fits(stored, round.code, round.key, own)) return stored!.submission;
  if (fits(inMemory, round.code, round.key, own)) return inMemory!.submission;
  const fresh: Stored = {
    code: round.code,
    key: round.key,
    own,
    submission: drawSubmission(statements, answers, getRandomValues),
  };
  inMemory = fresh;
  try {
    session()?.setItem(DRAWN_STORAGE_KEY, JSON.stringify(fresh));
  } catch {
    // Blocked or full: kept in memory for this page.
  }
  return fresh.submission;
}

/**
 * The browser's `crypto.getRandomValues` in the shape `drawSubmission` takes (the arrays it is
 * given are `new Uint32Array(1)`, on an ordinary ArrayBuffer, as the DOM type asks).
 */
export const browserRandomValues = (array: Uint32Array): Uint32Array =>
  crypto.getRandomValues(array as Uint32Array<ArrayBuffer>);

/** Forgets the kept submission (once it has been counted, or for tests). */
export function forgetSubmission(): void {
  inMemory = null;
  try {
    session()?.removeItem(DRAWN_STORAGE_KEY);
  } catch {
    // Nothing to remove when storage is blocked.
  }
}
