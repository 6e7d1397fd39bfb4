import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeStorage } from './safe-storage.ts';

/**
 * The class round a pupil has joined on this device, if any (issue 9). Without one the quiz is
 * exactly as without the classroom: the results page shows no class panel. Kept in localStorage
 * (through safeStorage: blocked or broken storage just means "not joined"), never sent anywhere
 * except as the round the pupil explicitly sends answers to.
 */
export interface JoinedRound {
  /** Canonical join code. */
  readonly code: string;
  readonly compass: string;
  readonly version: string;
}

export interface ClassRoundData {
  readonly round: JoinedRound | null;
}

export interface ClassRoundState extends ClassRoundData {
  join(round: JoinedRound): void;
  leave(): void;
}

export const useClassRound = create<ClassRoundState>()(
  persist(
    (set) => ({
      round: null,
      join: (round) => set({ round }),
      leave: () => set({ round: null }),
    }),
    {
      name: 'valkompass-class-round',
      version: 1,
      storage: safeStorage<ClassRoundData>(),
      partialize: ({ round }) => ({ round }),
    },
  ),
);
