import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { readAnswer } from '../domain/scoring/answer.ts';
import type { Answer, Voter, VoterAnswer } from '../domain/scoring/types.ts';
import { safeStorage } from './safe-storage.ts';

/** What is stored on this device, and nothing else: the voter's answers and choices. */
export interface AnswersData {
  /** The compass and version the answers belong to; answers never carry over to another version. */
  readonly compassId: string | null;
  readonly compassVersion: string | null;
  /** Answered or skipped statements; a statement not here has not been reached yet. */
  readonly answers: Readonly<Record<string, VoterAnswer>>;
  /** Parties to compare; null = all. */
  readonly parties: readonly string[] | null;
  /** Set when stored answers belonged to an older version of the questions and were put aside. */
  readonly outdated: boolean;
}

export interface AnswersState extends AnswersData {
  /** Ties the store to the compass on screen; answers for another version are discarded, with a notice. */
  bindCompass(id: string, version: string): void;
  answer(statement: string, answer: Answer): void;
  setImportant(statement: string, important: boolean): void;
  setParties(parties: readonly string[] | null): void;
  /** Replaces every answer at once (a shared result the voter takes over). */
  replace(voter: Voter): void;
  /** "Rensa mina svar": forgets everything, on this device too. */
  clear(): void;
  dismissOutdated(): void;
}

const EMPTY: AnswersData = {
  compassId: null,
  compassVersion: null,
  answers: {},
  parties: null,
  outdated: false,
};

export const STORAGE_KEY = 'valkompass:answers';
/** Bump when AnswersData changes shape; `migrate` below must then read the old shape. */
export const STORAGE_VERSION = 1;

export const useAnswers = create<AnswersState>()(
  persist(
    (set, get) => ({
      ...EMPTY,
      bindCompass(id, version) {
        const { compassId, compassVersion, answers } = get();
        if (compassId === id && compassVersion === version) return;
        const hadAnswers = Object.keys(answers).length > 0;
        set({
          ...EMPTY,
          compassId: id,
          compassVersion: version,
          outdated: hadAnswers && compassId === id,
        });
      },
      answer(statement, answer) {
        const previous = get().answers[statement];
        const important = answer !== 'skip' && previous?.important === true;
        set({
          answers: {
            ...get().answers,
            [statement]: important ? { answer, important } : { answer },
          },
        });
      },
      setImportant(statement, important) {
        const previous = get().answers[statement];
        if (!previous || previous.answer === 'skip') return;
        set({
          answers: {
            ...get().answers,
            [statement]: important
              ? { answer: previous.answer, important }
              : { answer: previous.answer },
          },
        });
      },
      setParties(parties) {
        set({ parties: parties === null || parties.length === 0 ? null : [...parties] });
      },
      replace(voter) {
        const answers: Record<string, VoterAnswer> = {};
        for (const [id, given] of Object.entries(voter.answers)) if (given) answers[id] = given;
        set({ answers, parties: voter.parties ? [...voter.parties] : null, outdated: false });
      },
      clear() {
        set({ answers: {}, parties: null, outdated: false });
        useAnswers.persist.clearStorage();
      },
      dismissOutdated() {
        set({ outdated: false });
      },
    }),
    {
      name: STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: safeStorage<AnswersData>(),
      partialize: ({ compassId, compassVersion, answers, parties, outdated }): AnswersData => ({
        compassId,
        compassVersion,
        answers,
        parties,
        outdated,
      }),
      migrate: (persisted) => readAnswersData(persisted),
      merge: (persisted, current) => ({ ...current, ...readAnswersData(persisted) }),
    },
  ),
);

/** The voter as the engine wants it. */
export const voterOf = (data: Pick<AnswersData, 'answers' | 'parties'>): Voter =>
  data.parties === null
    ? { answers: data.answers }
    : { answers: data.answers, parties: data.parties };

/**
 * Reads stored data defensively: whatever is in storage (another app's keys, an old shape,
 * garbage) yields valid AnswersData, dropping what it cannot read.
 */
export function readAnswersData(value: unknown): AnswersData {
  if (typeof value !== 'object' || value === null) return EMPTY;
  const v = value as Record<string, unknown>;
  const text = (x: unknown) => (typeof x === 'string' && x.length > 0 && x.length < 200 ? x : null);
  const answers: Record<string, VoterAnswer> = {};
  if (typeof v.answers === 'object' && v.answers !== null) {
    for (const [id, raw] of Object.entries(v.answers as Record<string, unknown>)) {
      if (id === '__proto__') continue;
      const reading = readAnswer(raw, { lenient: true });
      if (reading.ok) answers[id] = reading.value;
    }
  }
  const parties =
    Array.isArray(v.parties) &&
    v.parties.length > 0 &&
    v.parties.every((p) => typeof p === 'string')
      ? (v.parties as string[])
      : null;
  return {
    compassId: text(v.compassId),
    compassVersion: text(v.compassVersion),
    answers,
    parties,
    outdated: v.outdated === true,
  };
}
