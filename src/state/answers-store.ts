import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { readAnswer } from '../domain/answer/answer.ts';
import type { Answer, Voter, VoterAnswer } from '../domain/scoring/index.ts';
import {
  type AnswersData,
  type KeptAnswers,
  STORAGE_KEY,
  STORAGE_VERSION,
} from './answers-storage.ts';
import { safeStorage } from './safe-storage.ts';

export { type AnswersData, type KeptAnswers, STORAGE_KEY, STORAGE_VERSION };

export interface AnswersState extends AnswersData {
  /**
   * Ties the store to the compass on screen: the answers to the one before are kept aside, this
   * one's come back; answers for another version of it are discarded, with a notice.
   */
  bindCompass(id: string, version: string): void;
  answer(statement: string, answer: Answer): void;
  setImportant(statement: string, important: boolean): void;
  setParties(parties: readonly string[] | null): void;
  /** Replaces every answer at once (a shared result the voter takes over). */
  replace(voter: Voter): void;
  /** "Rensa mina svar": forgets everything (every compass's answers), on this device too. */
  clear(): void;
  dismissOutdated(): void;
}

const EMPTY: AnswersData = {
  compassId: null,
  compassVersion: null,
  answers: {},
  parties: null,
  outdated: false,
  others: {},
};

export const useAnswers = create<AnswersState>()(
  persist(
    (set, get) => ({
      ...EMPTY,
      bindCompass(id, version) {
        const { compassId, compassVersion, answers, parties, others } = get();
        if (compassId === id && compassVersion === version) return;
        const kept: Record<string, KeptAnswers> = Object.fromEntries(
          Object.entries(others).filter(([other]) => other !== id),
        );
        if (compassId !== null && compassId !== id && compassVersion !== null)
          if (Object.keys(answers).length > 0 || parties !== null)
            kept[compassId] = { version: compassVersion, answers, parties };
        const previous: KeptAnswers | undefined =
          compassId === id && compassVersion !== null
            ? { version: compassVersion, answers, parties }
            : others[id];
        const same = previous?.version === version;
        set({
          compassId: id,
          compassVersion: version,
          answers: same ? previous.answers : {},
          parties: same ? previous.parties : null,
          outdated: !same && previous !== undefined && Object.keys(previous.answers).length > 0,
          others: kept,
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
        set({ answers: {}, parties: null, outdated: false, others: {} });
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
      partialize: ({
        compassId,
        compassVersion,
        answers,
        parties,
        outdated,
        others,
      }): AnswersData => ({ compassId, compassVersion, answers, parties, outdated, others }),
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
  const others: Record<string, KeptAnswers> = {};
  if (typeof v.others === 'object' && v.others !== null)
    for (const [id, raw] of Object.entries(v.others as Record<string, unknown>)) {
      const kept = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
      const version = text(kept.version);
      if (id === '__proto__' || text(id) === null || version === null) continue;
      others[id] = {
        version,
        answers: readAnswers(kept.answers),
        parties: readParties(kept.parties),
      };
    }
  return {
    compassId: text(v.compassId),
    compassVersion: text(v.compassVersion),
    answers: readAnswers(v.answers),
    parties: readParties(v.parties),
    outdated: v.outdated === true,
    others,
  };
}

// Function declarations, not constants: the store above reads storage while this module loads.
function text(x: unknown): string | null {
  return typeof x === 'string' && x.length > 0 && x.length < 200 ? x : null;
}

function readAnswers(value: unknown): Record<string, VoterAnswer> {
  const answers: Record<string, VoterAnswer> = {};
  if (typeof value === 'object' && value !== null)
    for (const [id, raw] of Object.entries(value as Record<string, unknown>)) {
      if (id === '__proto__') continue;
      const reading = readAnswer(raw, { lenient: true });
      if (reading.ok) answers[id] = reading.value;
    }
  return answers;
}

function readParties(value: unknown): string[] | null {
  return Array.isArray(value) && value.length > 0 && value.every((p) => typeof p === 'string')
    ? (value as string[])
    : null;
}
