import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { safeStorage } from './safe-storage.ts';

/**
 * The class round a pupil has joined on this device, if any. Without one the quiz is
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

/**
 * A joined round with what sending needs: the idempotency key, made once when the round is
 * joined and sent with every attempt (a retry after a network error counts once), and whether
 * the service has acknowledged the answers (then the panel says so and sends nothing more).
 * On this device the key is kept with the round and, until the service has counted it, beside
 * the drawn submission (features/join-round/drawn-submission.ts): both are the pupil's own, on
 * their own device, where their answers are anyway. The service stores only an HMAC of the key,
 * apart from the counters and in hash order, and deletes it when the round closes (while the round
 * is open SQLite's write-ahead log can hold it beside that submission's randomized categories,
 * which docs/klassrum.md states). Leaving the round forgets the key, so the next pupil on a
 * shared computer who joins gets one of their own.
 */
export interface ClassRound extends JoinedRound {
  readonly key: string;
  readonly sent: boolean;
}

export interface ClassRoundData {
  readonly round: ClassRound | null;
}

export interface ClassRoundState extends ClassRoundData {
  /** Joins `round`; joining the round already joined keeps its key and whether it was sent. */
  join(round: JoinedRound): void;
  /** Records that the service counted the answers of the joined round `code`. */
  markSent(code: string): void;
  leave(): void;
}

export const CLASS_ROUND_STORAGE_KEY = 'valkompass-class-round';
const STORAGE_VERSION = 2;

/**
 * A fresh idempotency key: a UUID where the browser offers one (secure contexts only), else 128
 * random bits as hex (getRandomValues also works on a plain-http school server).
 */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  return Array.from(c.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('');
}

/**
 * Light checks of what storage holds, kept here rather than imported so that the start page (which
 * loads this store) does not load the join-code and contract modules: a canonical join code's
 * form, and exactly the contract's IDEMPOTENCY_KEY_PATTERN (class-round.test.ts holds them to the
 * domain's). The service checks both properly; these only keep garbage out.
 */
export const STORED_CODE = /^[0-9A-Z]{9}$/;
export const STORED_KEY = /^[A-Za-z0-9_-]{16,128}$/;

const text = (x: unknown) => (typeof x === 'string' && x.length > 0 && x.length < 200 ? x : null);

export const useClassRound = create<ClassRoundState>()(
  persist(
    (set, get) => ({
      round: null,
      join({ code, compass, version }) {
        const current = get().round;
        if (current?.code === code && current.compass === compass && current.version === version)
          return;
        set({ round: { code, compass, version, key: newIdempotencyKey(), sent: false } });
      },
      markSent(code) {
        const current = get().round;
        if (current?.code === code && !current.sent) set({ round: { ...current, sent: true } });
      },
      leave: () => set({ round: null }),
    }),
    {
      name: CLASS_ROUND_STORAGE_KEY,
      version: STORAGE_VERSION,
      storage: safeStorage<ClassRoundData>(),
      partialize: ({ round }) => ({ round }),
      // Version 1 had no key: such a round (and anything unreadable) counts as not joined.
      migrate: (persisted) => ({ round: readClassRound(persisted) }),
      merge: (persisted, current) => ({ ...current, round: readClassRound(persisted) }),
    },
  ),
);

/**
 * Reads stored data defensively: anything that is not a whole, valid joined round (a code that
 * is not a join code, a key the service would refuse, a missing field) yields null, i.e. "not
 * joined". A round is never half-read: a corrupt key must not be replaced by a new one, or
 * answers already counted could be counted again.
 */
export function readClassRound(value: unknown): ClassRound | null {
  if (typeof value !== 'object' || value === null) return null;
  const round = (value as { round?: unknown }).round;
  if (typeof round !== 'object' || round === null) return null;
  const r = round as Record<string, unknown>;
  const code = typeof r.code === 'string' && STORED_CODE.test(r.code) ? r.code : null;
  const compass = text(r.compass);
  const version = text(r.version);
  const key = typeof r.key === 'string' && STORED_KEY.test(r.key) ? r.key : null;
  if (!code || !compass || !version || !key) return null;
  return { code, compass, version, key, sent: r.sent === true };
}
