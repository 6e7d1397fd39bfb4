import { createHmac } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, sql, SqliteDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Position, Stance } from '../../domain/bank/types.ts';
import {
  addRandomizedCounters,
  CATEGORIES,
  type Category,
  emptyRandomizedCounters,
  randomizedDelta,
} from '../../domain/classroom/index.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { storeBackends } from '../../test/server/backends.ts';
import { migrationProvider } from './migrations.ts';
import { openStore } from './open-store.ts';
import type {
  CategoryCounts,
  ClassroomStore,
  CountersDelta,
  NewRound,
  RandomizedCounters,
  SubmissionEvent,
  SubmissionResult,
} from './types.ts';

// The same contract, run against real databases: SQLite in memory, SQLite in a file, PostgreSQL.
// Time is always passed in; rounds expire far in the future unless a test is about expiry.

const NOW = new Date('2030-01-01T12:00:00Z');
const LATER = new Date('2030-01-01T13:00:00Z');
const FAR = new Date('2200-01-01T00:00:00Z');
const STATEMENTS = ['s1', 's2', 's3', 's4', 's5'];
const P = 0.4;
const CAP = 10_000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
/** RandomizedCounters that the reference below can add to in place. */
interface Counters {
  p: number;
  submissions: number;
  statements: Record<string, Mutable<CategoryCounts>>;
}

let codes = 0;
const nextCode = (prefix: string) => `${prefix}-${++codes}`;

function round(code: string, overrides: Partial<NewRound> = {}): NewRound {
  return {
    code,
    teacherKeyHash: `hash-of-${code}`,
    compass: 'socialpolitik',
    version: '3',
    createdAt: NOW,
    expiresAt: FAR,
    statementIds: STATEMENTS,
    p: P,
    maxSubmissions: CAP,
    ...overrides,
  };
}

/** The category pupil `seed` sent for the m-th statement. */
const categoryOf = (seed: number, m: number): Category => CATEGORIES[(seed * 3 + m) % 4]!;

/** A full delta, different for every seed, as `randomizedDelta` would produce for one pupil. */
function delta(seed: number): CountersDelta & Counters {
  const statements: Record<string, Mutable<CategoryCounts>> = {};
  STATEMENTS.forEach((id, m) => {
    statements[id] = { ...zeroStatement(), [categoryOf(seed, m)]: 1 };
  });
  return { p: P, submissions: 1, statements };
}

function zeroStatement(): Mutable<CategoryCounts> {
  return { emot: 0, varken: 0, for: 0, 'hoppade-over': 0 };
}

function zeroCounters(): Counters {
  return {
    p: P,
    submissions: 0,
    statements: Object.fromEntries(STATEMENTS.map((id) => [id, zeroStatement()])),
  };
}

/** The reference: counters summed in plain JavaScript. */
function sum(seeds: Iterable<number>): Counters {
  const total = zeroCounters();
  for (const seed of seeds) {
    total.submissions += 1;
    STATEMENTS.forEach((id, m) => (total.statements[id]![categoryOf(seed, m)] += 1));
  }
  return total;
}

/** Every full delta sends one category for each statement. */
function expectConsistent(counters: RandomizedCounters): void {
  for (const statement of Object.values(counters.statements)) {
    expect(CATEGORIES.reduce((n, c) => n + statement[c], 0)).toBe(counters.submissions);
  }
}

function tally(results: SubmissionResult[]): Partial<Record<SubmissionResult, number>> {
  const counts: Partial<Record<SubmissionResult, number>> = {};
  for (const result of results) counts[result] = (counts[result] ?? 0) + 1;
  return counts;
}

/** Resolves with the first event for which `accept` holds. */
function nextEvent(
  store: ClassroomStore,
  code: string,
  accept: (event: SubmissionEvent) => boolean = () => true,
): { event: Promise<SubmissionEvent>; ready: Promise<void> } {
  let resolve: (event: SubmissionEvent) => void = () => undefined;
  const event = new Promise<SubmissionEvent>((r) => (resolve = r));
  const subscription = store.onSubmission(code, (e) => {
    if (!accept(e)) return;
    subscription();
    resolve(e);
  });
  return { event, ready: subscription.ready };
}

/** `promise`, or a clear failure after `ms` (instead of the test's own, much later timeout). */
function within<T>(promise: Promise<T>, what: string, ms = 10_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Registers the test only where it applies (no "skipped" noise for what cannot apply). */
const onlyIf =
  (applies: boolean) =>
  (name: string, test: () => Promise<void>, timeout?: number): void => {
    if (applies) it(name, test, timeout);
  };

describe.each(storeBackends().map((backend) => [backend.name, backend] as const))(
  '%s',
  (_, backend) => {
    describe.skipIf(backend.skip !== undefined)('ClassroomStore', () => {
      let url: string;
      let store: ClassroomStore;
      const errors: unknown[] = [];
      const open = (at = url) => openStore(at, { onError: (error) => errors.push(error) });

      beforeAll(async () => {
        url = await backend.start();
        store = await open();
      }, 120_000);

      afterAll(async () => {
        await store?.close();
        await backend.stop();
      }, 120_000);

      describe('rounds', () => {
        it('creates a round with zero counters for each statement', async () => {
          const code = nextCode('create');
          expect(store.backend).toBe(backend.kind);
          expect(await store.createRound(round(code))).toBe('created');
          expect(await store.getRound(code, NOW)).toEqual({
            code,
            compass: 'socialpolitik',
            version: '3',
            open: true,
            submissions: 0,
            p: P,
            maxSubmissions: CAP,
            createdAt: NOW,
            expiresAt: FAR,
            closedAt: null,
            teacherKeyHash: `hash-of-${code}`,
          });
          expect(await store.readCounters(code, NOW)).toEqual(zeroCounters());
        });

        it('keeps any id a plain key, even __proto__', async () => {
          const code = nextCode('proto');
          const ids = ['__proto__', 'constructor', 'toString'];
          await store.createRound(round(code, { statementIds: ids }));
          const d = { statements: Object.fromEntries(ids.map((id) => [id, { for: 1 }])) };
          expect(await store.addSubmission(code, 'k', d, NOW)).toBe('counted');
          const counters = await store.readCounters(code, NOW);
          for (const id of ids) {
            expect(Object.hasOwn(counters!.statements, id)).toBe(true);
            expect(counters!.statements[id]).toEqual({ ...zeroStatement(), for: 1 });
          }
          expect(Object.getPrototypeOf(counters!.statements)).toBe(Object.prototype);
        });

        it('refuses a code that is taken and leaves that round as it was', async () => {
          const code = nextCode('taken');
          await store.createRound(round(code));
          await store.addSubmission(code, 'k', delta(1), NOW);
          expect(
            await store.createRound(round(code, { teacherKeyHash: 'other', statementIds: ['x'] })),
          ).toBe('code-taken');
          expect((await store.getRound(code, NOW))?.teacherKeyHash).toBe(`hash-of-${code}`);
          expect(await store.readCounters(code, NOW)).toEqual(sum([1]));
        });

        it('refuses invalid input before touching the database', async () => {
          const code = nextCode('invalid');
          await expect(
            store.createRound(round(code, { statementIds: ['a', 'a'] })),
          ).rejects.toThrow(/twice/);
          await expect(
            store.createRound(round(code, { expiresAt: new Date(NaN) })),
          ).rejects.toThrow(/valid Date/);
          await expect(store.createRound(round(''))).rejects.toThrow(/code/);
          await expect(store.createRound(round(code, { p: 0.405 }))).rejects.toThrow(/hundredths/);
          await expect(store.createRound(round(code, { p: 1 }))).rejects.toThrow(/hundredths/);
          await expect(store.createRound(round(code, { maxSubmissions: -1 }))).rejects.toThrow(
            /maxSubmissions/,
          );
          expect(await store.getRound(code, NOW)).toBeNull();
        });

        it('reads a missing or expired round as null', async () => {
          const code = nextCode('expiry');
          await store.createRound(round(code, { expiresAt: LATER }));
          expect(await store.getRound('no-such-round', NOW)).toBeNull();
          expect(await store.readCounters('no-such-round', NOW)).toBeNull();
          expect((await store.getRound(code, NOW))?.expiresAt).toEqual(LATER);
          expect(await store.getRound(code, LATER)).toBeNull();
          expect(await store.readCounters(code, LATER)).toBeNull();
          expect(await store.readCounters(code, new Date(LATER.getTime() - 1))).toEqual(
            zeroCounters(),
          );
          // The code stays taken until the round is deleted or purged.
          expect(await store.createRound(round(code))).toBe('code-taken');
        });
      });

      describe('submissions', () => {
        it('adds each delta to the counters and counts the submission', async () => {
          const code = nextCode('count');
          await store.createRound(round(code));
          expect(await store.addSubmission(code, 'a', delta(1), NOW)).toBe('counted');
          expect(await store.addSubmission(code, 'b', delta(2), NOW)).toBe('counted');
          expect(await store.readCounters(code, NOW)).toEqual(sum([1, 2]));
          expect((await store.getRound(code, NOW))?.submissions).toBe(2);
        });

        it('counts a partial delta (missing entries and fields are 0), even an empty one', async () => {
          const code = nextCode('partial');
          await store.createRound(round(code));
          const partial: CountersDelta = {
            statements: { s2: { for: 1 }, s4: { 'hoppade-over': 1, emot: 2 } },
          };
          expect(await store.addSubmission(code, 'a', partial, NOW)).toBe('counted');
          expect(await store.addSubmission(code, 'b', { statements: {} }, NOW)).toBe('counted');
          const expected = zeroCounters();
          expected.submissions = 2;
          expected.statements.s2!.for = 1;
          expected.statements.s4!['hoppade-over'] = 1;
          expected.statements.s4!.emot = 2;
          expect(await store.readCounters(code, NOW)).toEqual(expected);
        });

        it('stores exactly what the counting logic computes (its RoundCounters in, out)', async () => {
          const stance = (position: Position): Stance => ({
            position,
            confidence: 1,
            quotes: ['citat'],
            rationale: '',
          });
          // Ids that trip plain-object look-ups (`constructor`, an integer-like key).
          const compass = buildCompass({
            parties: [{ id: 'p' }, { id: 'q' }],
            statements: ['s1', 'constructor', '12', 's4'].map((id, j) => ({
              id,
              stances: { p: stance(1), q: stance(j % 2 === 0 ? -1 : 0.5) },
            })),
          });
          const sent: Category[][] = [
            ['for', 'emot', 'varken', 'hoppade-over'],
            ['hoppade-over', 'hoppade-over', 'for', 'for'],
            ['emot', 'varken', 'emot', 'for'],
          ];
          const code = nextCode('domain');
          await store.createRound(
            round(code, { statementIds: compass.statements.map((st) => st.id) }),
          );
          let expected = emptyRandomizedCounters(compass);
          for (const [i, categories] of sent.entries()) {
            const body = {
              p: P,
              categories: Object.fromEntries(
                compass.statements.map((st, j) => [st.id, categories[j]]),
              ),
            };
            const d = randomizedDelta(compass, body, P);
            expect(await store.addSubmission(code, `pupil-${i}`, d, NOW)).toBe('counted');
            expected = addRandomizedCounters(expected, d);
          }
          expect(expected.submissions).toBe(sent.length);
          expect(await store.readCounters(code, NOW)).toEqual(expected);
        });

        it('counts a repeated idempotency key once, per round', async () => {
          const code = nextCode('dup');
          const other = nextCode('dup');
          await store.createRound(round(code));
          await store.createRound(round(other));
          expect(await store.addSubmission(code, 'same', delta(1), NOW)).toBe('counted');
          expect(await store.addSubmission(code, 'same', delta(1), NOW)).toBe('duplicate');
          expect(await store.addSubmission(code, 'same', delta(2), LATER)).toBe('duplicate');
          expect(await store.readCounters(code, NOW)).toEqual(sum([1]));
          // Keys belong to their round: the same key counts in another round.
          expect(await store.addSubmission(other, 'same', delta(1), NOW)).toBe('counted');
          expect(await store.readCounters(other, NOW)).toEqual(sum([1]));
        });

        it('answers not-found for a missing round and expired for an expired one', async () => {
          const code = nextCode('gone');
          await store.createRound(round(code, { expiresAt: LATER }));
          expect(await store.addSubmission('no-such-round', 'k', delta(1), NOW)).toBe('not-found');
          expect(await store.addSubmission(code, 'k', delta(1), LATER)).toBe('expired');
          expect(await store.readCounters(code, NOW)).toEqual(zeroCounters());
        });

        it('counts at most maxSubmissions; a retry of a counted key is still a duplicate', async () => {
          const code = nextCode('cap');
          await store.createRound(round(code, { maxSubmissions: 3 }));
          for (const key of ['a', 'b', 'c'])
            expect(await store.addSubmission(code, key, delta(1), NOW)).toBe('counted');
          expect(await store.addSubmission(code, 'd', delta(2), NOW)).toBe('round-full');
          expect(await store.addSubmission(code, 'b', delta(1), NOW)).toBe('duplicate');
          expect(await store.addSubmission(code, 'd', delta(2), NOW)).toBe('round-full');
          expect(await store.readCounters(code, NOW)).toEqual(sum([1, 1, 1]));
          expect(await store.getRound(code, NOW)).toMatchObject({
            submissions: 3,
            maxSubmissions: 3,
          });
          // Closed comes first once the round is closed.
          await store.closeRound(code, NOW);
          expect(await store.addSubmission(code, 'd', delta(2), NOW)).toBe('closed');
          const none = nextCode('cap');
          await store.createRound(round(none, { maxSubmissions: 0 }));
          expect(await store.addSubmission(none, 'a', delta(1), NOW)).toBe('round-full');
        });

        it('counts exactly maxSubmissions of a burst over the cap', async () => {
          const code = nextCode('cap-burst');
          await store.createRound(round(code, { maxSubmissions: 50 }));
          const results = await Promise.all(
            Array.from({ length: 80 }, (_, i) =>
              store.addSubmission(code, `key-${i}`, delta(i), NOW),
            ),
          );
          expect(tally(results)).toEqual({ counted: 50, 'round-full': 30 });
          const counted = results.flatMap((result, i) => (result === 'counted' ? [i] : []));
          expect(await store.readCounters(code, NOW)).toEqual(sum(counted));
        }, 60_000);

        it('rejects an invalid delta and counts nothing of it, not even the key', async () => {
          const code = nextCode('bad');
          await store.createRound(round(code));
          const bad = (d: unknown) => store.addSubmission(code, 'k', d as CountersDelta, NOW);
          await expect(bad({ statements: { nope: { for: 1 } } })).rejects.toThrow(
            /no statement "nope"/,
          );
          // The unknown id comes after valid rows (ids are sorted): those updates are rolled back too.
          await expect(bad({ statements: { s1: { for: 1 }, zz: { emot: 1 } } })).rejects.toThrow(
            /no statement "zz"/,
          );
          await expect(bad({ statements: { s1: { for: -1 } } })).rejects.toThrow(
            /non-negative integer/,
          );
          await expect(bad({ statements: { s1: { for: 0.5 } } })).rejects.toThrow(
            /non-negative integer/,
          );
          // The five-point counters are no fields of the store any more.
          await expect(bad({ statements: { s1: { '1': 1 } } })).rejects.toThrow(
            /unknown field "1"/,
          );
          await expect(bad({ submissions: 2, statements: {} })).rejects.toThrow(
            /exactly one submission/,
          );
          await expect(store.addSubmission(code, '', delta(1), NOW)).rejects.toThrow(
            /idempotencyKey/,
          );
          expect(await store.readCounters(code, NOW)).toEqual(zeroCounters());
          expect(await store.addSubmission(code, 'k', delta(3), NOW)).toBe('counted');
          expect(await store.readCounters(code, NOW)).toEqual(sum([3]));
        });
      });

      describe('closing, deleting, purging', () => {
        it('closes a round once; afterwards every submission is refused, counted keys too', async () => {
          const code = nextCode('close');
          await store.createRound(round(code));
          await store.addSubmission(code, 'before', delta(1), NOW);
          expect(await store.closeRound(code, NOW)).toBe('closed');
          expect(await store.closeRound(code, LATER)).toBe('already-closed');
          expect(await store.getRound(code, LATER)).toMatchObject({
            open: false,
            closedAt: NOW,
            submissions: 1,
          });
          expect(await store.addSubmission(code, 'after', delta(2), LATER)).toBe('closed');
          // The close deleted the keys: a retry of a counted one is closed like any other.
          expect(await store.addSubmission(code, 'before', delta(1), LATER)).toBe('closed');
          expect(await store.readCounters(code, LATER)).toEqual(sum([1]));
          expect(await store.closeRound('no-such-round', NOW)).toBe('not-found');
        });

        onlyIf(backend.kind === 'sqlite' && backend.shared)(
          'empties the WAL after a close, and does not wait for a reader that holds it',
          async () => {
            const file = url.slice('sqlite:'.length);
            const walSize = () => statSync(`${file}-wal`).size;
            const code = nextCode('wal');
            await store.createRound(round(code));
            await store.addSubmission(code, 'k', delta(1), NOW);
            const reader = new Database(file, { readonly: true });
            try {
              // An open read transaction: the WAL cannot be reset under it.
              reader.prepare('begin').run();
              reader.prepare('select count(*) from rounds').get();
              const started = Date.now();
              expect(await store.closeRound(code, NOW)).toBe('closed');
              expect(Date.now() - started).toBeLessThan(1_000);
              expect(walSize()).toBeGreaterThan(0);
            } finally {
              reader.close();
            }
            expect(await store.deleteRound(code)).toBe(true);
            expect(walSize()).toBe(0);
          },
        );

        onlyIf(backend.kind === 'postgres')(
          'vacuums the idempotency keys after a close',
          async () => {
            const code = nextCode('vacuum');
            await store.createRound(round(code));
            await store.addSubmission(code, 'k', delta(1), NOW);
            const before = await lastVacuum(url);
            expect(await store.closeRound(code, NOW)).toBe('closed');
            await vi.waitFor(async () => expect(await lastVacuum(url)).not.toBe(before), {
              timeout: 10_000,
            });
          },
          20_000,
        );

        it('does not close an expired round', async () => {
          const code = nextCode('close-expired');
          await store.createRound(round(code, { expiresAt: LATER }));
          expect(await store.closeRound(code, LATER)).toBe('not-found');
        });

        it('deletes a round with all its counters and idempotency keys', async () => {
          const code = nextCode('delete');
          await store.createRound(round(code));
          await store.addSubmission(code, 'k', delta(1), NOW);
          expect(await store.deleteRound(code)).toBe(true);
          expect(await store.deleteRound(code)).toBe(false);
          expect(await store.getRound(code, NOW)).toBeNull();
          // Nothing of it is left: the same code and statements can be created again
          // (leftover counter rows would collide with their primary keys), start at zero, and the
          // old key counts again.
          expect(await store.createRound(round(code))).toBe('created');
          expect(await store.readCounters(code, NOW)).toEqual(zeroCounters());
          expect(await store.addSubmission(code, 'k', delta(2), NOW)).toBe('counted');
          expect(await store.readCounters(code, NOW)).toEqual(sum([2]));
        });

        it('purges exactly the rounds expired at the given time, with everything in them', async () => {
          // Earlier than any other test's expiry, so only these rounds are concerned.
          const t1 = new Date('2001-01-01T00:00:00Z');
          const t2 = new Date('2001-01-02T00:00:00Z');
          const early = nextCode('purge');
          const late = nextCode('purge');
          await store.createRound(round(early, { createdAt: t1, expiresAt: t2 }));
          await store.createRound(round(late, { createdAt: t1, expiresAt: LATER }));
          await store.addSubmission(early, 'k', delta(1), t1);
          await store.addSubmission(late, 'k', delta(2), t1);
          expect(await store.purgeExpired(new Date(t2.getTime() - 1))).toBe(0);
          expect(await store.purgeExpired(t2)).toBe(1);
          expect(await store.purgeExpired(t2)).toBe(0);
          expect(await store.deleteRound(early)).toBe(false);
          expect(await store.createRound(round(early))).toBe('created');
          expect(await store.readCounters(early, NOW)).toEqual(zeroCounters());
          expect(await store.readCounters(late, t1)).toEqual(sum([2]));
        });
      });

      describe('concurrency', () => {
        // 200 submissions at once, 40 of them repeating an earlier key (as a retry would, with the
        // same delta), with consistent snapshots read in between.
        const UNIQUE = 160;
        const TOTAL = 200;
        const seedOf = (i: number) => i % UNIQUE;

        it('counts 200 concurrent submissions with repeated keys exactly', async () => {
          const code = nextCode('burst');
          await store.createRound(round(code));
          const snapshots: Promise<RandomizedCounters | null>[] = [];
          const submissions = Array.from({ length: TOTAL }, (_, i) => {
            if (i % 25 === 0) snapshots.push(store.readCounters(code, NOW));
            return store.addSubmission(code, `key-${seedOf(i)}`, delta(seedOf(i)), NOW);
          });
          const results = await Promise.all(submissions);
          expect(tally(results)).toEqual({ counted: UNIQUE, duplicate: TOTAL - UNIQUE });
          for (const snapshot of await Promise.all(snapshots)) expectConsistent(snapshot!);
          const expected = sum(Array.from({ length: UNIQUE }, (_, i) => i));
          expect(await store.readCounters(code, NOW)).toEqual(expected);
          expect((await store.getRound(code, NOW))?.submissions).toBe(UNIQUE);
        }, 60_000);

        it('decides each submission of one batch over several rounds on its own', async () => {
          const [a, b, shut, full] = ['mix', 'mix', 'mix', 'mix'].map(nextCode) as [
            string,
            string,
            string,
            string,
          ];
          for (const code of [a, b, shut]) await store.createRound(round(code));
          await store.createRound(round(full, { maxSubmissions: 2 }));
          expect(await store.addSubmission(shut, 'old', delta(1), NOW)).toBe('counted');
          expect(await store.closeRound(shut, NOW)).toBe('closed');
          expect(await store.addSubmission(full, 'f0', delta(1), NOW)).toBe('counted');
          // Issued in one go: they queue before the store starts writing and form one batch.
          const results = await Promise.all([
            store.addSubmission(a, 'k1', delta(1), NOW),
            store.addSubmission(b, 'k1', delta(2), NOW),
            store.addSubmission(a, 'k2', delta(3), NOW),
            store.addSubmission(a, 'k1', delta(4), NOW),
            store.addSubmission(shut, 'old', delta(5), NOW),
            store.addSubmission(shut, 'new', delta(6), NOW),
            store.addSubmission('no-such-round', 'k', delta(7), NOW),
            store.addSubmission(b, 'k3', delta(8), LATER),
            store.addSubmission(full, 'f1', delta(2), NOW),
            store.addSubmission(full, 'f2', delta(3), NOW),
            store.addSubmission(full, 'f2', delta(3), NOW),
            store.addSubmission(full, 'f1', delta(2), NOW),
            store.addSubmission(full, 'f0', delta(1), NOW),
          ]);
          expect(results).toEqual([
            'counted',
            'counted',
            'counted',
            'duplicate',
            'closed',
            'closed',
            'not-found',
            'counted',
            'counted',
            'round-full',
            'round-full',
            'duplicate',
            'duplicate',
          ]);
          expect(await store.readCounters(a, NOW)).toEqual(sum([1, 3]));
          expect(await store.readCounters(b, NOW)).toEqual(sum([2, 8]));
          expect(await store.readCounters(shut, NOW)).toEqual(sum([1]));
          expect(await store.readCounters(full, NOW)).toEqual(sum([1, 2]));
        });

        it('fails only the bad submission of a batch', async () => {
          const [a, b] = [nextCode('bad-batch'), nextCode('bad-batch')];
          for (const code of [a, b]) await store.createRound(round(code));
          const bad = { statements: { s1: { for: 1 }, nope: { for: 1 } } };
          const results = await Promise.allSettled([
            store.addSubmission(a, 'k1', delta(1), NOW),
            store.addSubmission(b, 'bad', bad, NOW),
            store.addSubmission(b, 'k2', delta(2), NOW),
            store.addSubmission(a, 'k1', delta(3), NOW),
          ]);
          expect(results.map((r) => (r.status === 'fulfilled' ? r.value : 'rejected'))).toEqual([
            'counted',
            'rejected',
            'counted',
            'duplicate',
          ]);
          expect(String((results[1] as PromiseRejectedResult).reason)).toMatch(
            /no statement "nope"/,
          );
          expect(await store.readCounters(a, NOW)).toEqual(sum([1]));
          expect(await store.readCounters(b, NOW)).toEqual(sum([2]));
          // The bad submission's key was not kept: sent again, correctly, it counts.
          expect(await store.addSubmission(b, 'bad', delta(9), NOW)).toBe('counted');
        });

        it('counts exactly what was acknowledged when a close races the submissions', async () => {
          const code = nextCode('race');
          await store.createRound(round(code));
          const n = 100;
          let closed: Promise<string> | undefined;
          const results = await Promise.all(
            Array.from({ length: n }, (_, i) => {
              if (i === n / 2) closed = store.closeRound(code, NOW);
              return store.addSubmission(code, `key-${i}`, delta(i), NOW);
            }),
          );
          expect(await closed).toBe('closed');
          const counted = results.flatMap((result, i) => (result === 'counted' ? [i] : []));
          expect(tally(results)).toEqual({
            counted: counted.length,
            ...(counted.length < n ? { closed: n - counted.length } : {}),
          });
          expect(await store.readCounters(code, NOW)).toEqual(sum(counted));
          // Afterwards no key is known (the close deleted them): every retry is closed.
          const again = await Promise.all(
            Array.from({ length: n }, (_, i) =>
              store.addSubmission(code, `key-${i}`, delta(i), NOW),
            ),
          );
          expect(tally(again)).toEqual({ closed: n });
        }, 60_000);

        onlyIf(backend.shared)(
          'counts exactly with two store instances on the same database',
          async () => {
            const code = nextCode('two-stores');
            await store.createRound(round(code));
            const other = await open();
            try {
              // Alternate the stores; a repeated key goes through the other store than the first.
              const storeFor = (i: number) => ((i < UNIQUE ? i : i + 1) % 2 === 0 ? store : other);
              const results = await Promise.all(
                Array.from({ length: TOTAL }, (_, i) =>
                  storeFor(i).addSubmission(code, `key-${seedOf(i)}`, delta(seedOf(i)), NOW),
                ),
              );
              expect(tally(results)).toEqual({ counted: UNIQUE, duplicate: TOTAL - UNIQUE });
              const expected = sum(Array.from({ length: UNIQUE }, (_, i) => i));
              expect(await store.readCounters(code, NOW)).toEqual(expected);
              expect(await other.readCounters(code, NOW)).toEqual(expected);
            } finally {
              await other.close();
            }
          },
          60_000,
        );
      });

      describe('live count (onSubmission)', () => {
        it('tells listeners of the round after each commit, and stops on unsubscribe', async () => {
          const code = nextCode('live');
          const quiet = nextCode('live');
          await store.createRound(round(code));
          await store.createRound(round(quiet));
          const heard: SubmissionEvent[] = [];
          const heardElsewhere: SubmissionEvent[] = [];
          const stopped: SubmissionEvent[] = [];
          const all = store.onSubmission(code, (e) => heard.push(e));
          const elsewhere = store.onSubmission(quiet, (e) => heardElsewhere.push(e));
          const unsubscribed = store.onSubmission(code, (e) => stopped.push(e));
          await Promise.all([all.ready, elsewhere.ready, unsubscribed.ready]);
          unsubscribed();
          unsubscribed(); // idempotent

          const first = nextEvent(store, code, (e) => e.submissions === 1);
          await first.ready;
          await store.addSubmission(code, 'a', delta(1), NOW);
          expect(await within(first.event, 'first event')).toEqual({ code, submissions: 1 });
          // The other round's listener hears only its own round.
          await store.addSubmission(quiet, 'a', delta(1), NOW);
          const second = nextEvent(store, code, (e) => e.submissions === 2);
          await second.ready;
          await store.addSubmission(code, 'b', delta(2), NOW);
          await within(second.event, 'second event');
          // Not counted: no event.
          await store.addSubmission(code, 'b', delta(2), NOW);
          const third = nextEvent(store, code, (e) => e.submissions === 3);
          await third.ready;
          await store.addSubmission(code, 'c', delta(3), NOW);
          await within(third.event, 'third event');

          expect(heard).toEqual([1, 2, 3].map((submissions) => ({ code, submissions })));
          expect(heardElsewhere).toEqual([{ code: quiet, submissions: 1 }]);
          expect(stopped).toEqual([]);
          all();
          elsewhere();
        });

        it('reports a listener that throws to onError and still tells the others', async () => {
          const code = nextCode('throws');
          await store.createRound(round(code));
          errors.length = 0;
          const failing = store.onSubmission(code, () => {
            throw new Error('listener bug');
          });
          const heard = nextEvent(store, code);
          await Promise.all([failing.ready, heard.ready]);
          await store.addSubmission(code, 'a', delta(1), NOW);
          expect(await within(heard.event, 'event')).toEqual({ code, submissions: 1 });
          await vi.waitFor(() => expect(errors).toEqual([new Error('listener bug')]));
          failing();
          errors.length = 0;
        });

        onlyIf(backend.shared)(
          'tells a listener on one store about a submission made through another',
          async () => {
            const code = nextCode('cross');
            await store.createRound(round(code));
            const other = await open();
            try {
              const heard = nextEvent(store, code);
              await heard.ready;
              expect(await other.addSubmission(code, 'a', delta(1), NOW)).toBe('counted');
              expect(await within(heard.event, 'event')).toEqual({ code, submissions: 1 });
            } finally {
              await other.close();
            }
          },
        );

        onlyIf(backend.kind === 'postgres')(
          'listens again after its connection is lost, and sends the current count',
          async () => {
            const code = nextCode('reconnect');
            await store.createRound(round(code));
            const other = await open();
            try {
              const heard: SubmissionEvent[] = [];
              const subscription = store.onSubmission(code, (e) => heard.push(e));
              await subscription.ready;
              await other.addSubmission(code, 'a', delta(1), NOW);
              await vi.waitFor(() => expect(heard).toEqual([{ code, submissions: 1 }]));

              errors.length = 0;
              const admin = new pg.Client({ connectionString: url });
              await admin.connect();
              try {
                const { rowCount } = await admin.query(
                  `select pg_terminate_backend(pid) from pg_stat_activity
                 where datname = current_database() and application_name = 'valkompass-classroom-listen'`,
                );
                expect(rowCount).toBeGreaterThan(0);
              } finally {
                await admin.end();
              }
              // Submitted while (possibly) not listening: the catch-up after the reconnect reports it.
              await other.addSubmission(code, 'b', delta(2), NOW);
              await vi.waitFor(() => expect(heard.at(-1)).toEqual({ code, submissions: 2 }), {
                timeout: 15_000,
              });
              await vi.waitFor(
                async () => {
                  const next = heard.length;
                  await other.addSubmission(code, `probe-${next}`, delta(3), NOW);
                  await vi.waitFor(() => expect(heard.length).toBeGreaterThan(next), {
                    timeout: 2_000,
                  });
                },
                { timeout: 15_000 },
              );
              expect(errors.length).toBeGreaterThan(0); // the lost connection was reported
              errors.length = 0;
              subscription();
            } finally {
              await other.close();
            }
          },
          30_000,
        );
      });

      // Only where two stores reach the same database (not sqlite::memory:).
      (backend.shared ? describe : () => undefined)('migrations', () => {
        it('reopens a database without migrating it again', async () => {
          const code = nextCode('reopen');
          await store.createRound(round(code));
          await store.addSubmission(code, 'k', delta(1), NOW);
          const again = await open();
          try {
            expect(await again.readCounters(code, NOW)).toEqual(sum([1]));
          } finally {
            await again.close();
          }
        });

        // The layout the shipped migrations make, spelled out here on purpose: the counters are
        // described once (schema.ts) and the migrations follow from that list, so this is what
        // notices a change to it, which would need a new migration for existing databases.
        it('keeps the database layout of the shipped migrations', async () => {
          const tables = {
            rounds: [
              'code',
              'teacher_key_hash',
              'compass',
              'version',
              'created_at',
              'expires_at',
              'closed_at',
              'submissions',
              'p',
              'max_submissions',
              'key_salt',
            ],
            category_counts: ['code', 'statement', 'emot', 'varken', 'for', 'hoppade_over'],
            idempotency_keys: ['code', 'hash'],
            // The five-point counters (true answers) are gone.
            statement_counts: [],
            party_counts: [],
          };
          expect(await tableColumns(backend.kind, url, Object.keys(tables))).toEqual(tables);
          if (backend.kind === 'sqlite') {
            const [table] = await rawRows<{ sql: string }>(
              backend.kind,
              url,
              "select sql from sqlite_master where name = 'idempotency_keys'",
            );
            expect(table!.sql).toMatch(/without rowid\s*$/i);
            return;
          }
          const functions = await rawRows<{ args: string }>(
            backend.kind,
            url,
            "select pg_get_function_identity_arguments(oid) as args from pg_proc where proname = 'classroom_add_submissions'",
          );
          const fillfactors = await rawRows<{ relname: string; reloptions: string[] | null }>(
            backend.kind,
            url,
            "select relname, reloptions from pg_class where relname in ('rounds', 'category_counts') order by relname",
          );
          expect(fillfactors).toEqual([
            { relname: 'category_counts', reloptions: ['fillfactor=50'] },
            { relname: 'rounds', reloptions: ['fillfactor=50'] },
          ]);
          expect(functions).toEqual([
            {
              args: 'channel text, codes text[], keys text[], ats bigint[], s_item integer[], s_id text[], s_emot integer[], s_varken integer[], s_for integer[], s_hoppade_over integer[]',
            },
          ]);
        });

        it('stores a keyed hash of each idempotency key, never the key, and none after the close', async () => {
          const code = nextCode('hashed');
          await store.createRound(round(code));
          const key = 'pupil-key-in-the-clear-0001';
          expect(await store.addSubmission(code, key, delta(1), NOW)).toBe('counted');
          const [salt] = await rawRows<{ key_salt: Uint8Array }>(
            backend.kind,
            url,
            'select key_salt from rounds where code = $1',
            [code],
          );
          expect(salt!.key_salt.length).toBe(32);
          const stored = await rawRows<{ hash: Uint8Array }>(
            backend.kind,
            url,
            'select hash from idempotency_keys where code = $1',
            [code],
          );
          const hmac = createHmac('sha256', salt!.key_salt).update(key, 'utf8').digest();
          expect(stored.map((row) => Buffer.from(row.hash).toString('hex'))).toEqual([
            hmac.toString('hex'),
          ]);
          // Each round has its own salt.
          const other = nextCode('hashed');
          await store.createRound(round(other));
          const [otherSalt] = await rawRows<{ key_salt: Uint8Array }>(
            backend.kind,
            url,
            'select key_salt from rounds where code = $1',
            [other],
          );
          expect(Buffer.from(otherSalt!.key_salt).equals(Buffer.from(salt!.key_salt))).toBe(false);
          expect(await store.closeRound(code, NOW)).toBe('closed');
          expect(
            await rawRows(backend.kind, url, 'select hash from idempotency_keys where code = $1', [
              code,
            ]),
          ).toEqual([]);
        });

        it('upgrades a database made by the shipped five-point migrations', async () => {
          const old = await backend.another();
          await migrateToFivePoint(backend.kind, old);
          const upgraded = await open(old);
          try {
            expect(await upgraded.getRound('five-point', NOW)).toBeNull();
            if (backend.kind === 'sqlite') {
              // Overwritten (secure_delete) and checkpointed at once, not only dropped.
              const file = old.slice('sqlite:'.length);
              for (const path of [file, `${file}-wal`])
                if (existsSync(path))
                  expect(readFileSync(path).includes(Buffer.from(RAW_KEY)), path).toBe(false);
            }
            expect(
              await tableColumns(backend.kind, old, ['statement_counts', 'party_counts']),
            ).toEqual({ statement_counts: [], party_counts: [] });
            if (backend.kind === 'postgres')
              expect(
                await rawRows(
                  backend.kind,
                  old,
                  "select 1 from pg_proc where proname = 'classroom_add_submissions'",
                ),
              ).toHaveLength(1);
            const code = nextCode('upgraded');
            expect(await upgraded.createRound(round(code))).toBe('created');
            expect(await upgraded.addSubmission(code, 'k', delta(1), NOW)).toBe('counted');
            expect(await upgraded.readCounters(code, NOW)).toEqual(sum([1]));
          } finally {
            await upgraded.close();
          }
        }, 60_000);

        it('migrates a fresh database opened by several stores at once', async () => {
          const fresh = await backend.another();
          const stores = await Promise.all([open(fresh), open(fresh), open(fresh)]);
          try {
            const code = nextCode('fresh');
            expect(await stores[0]!.createRound(round(code))).toBe('created');
            expect(await stores[2]!.addSubmission(code, 'k', delta(1), NOW)).toBe('counted');
            expect(await stores[1]!.readCounters(code, NOW)).toEqual(sum([1]));
          } finally {
            await Promise.all(stores.map((s) => s.close()));
          }
        }, 60_000);
      });

      it('refuses to work once closed', async () => {
        const closing = await open(backend.shared ? url : 'sqlite::memory:');
        await closing.close();
        await closing.close(); // idempotent
        await expect(closing.getRound('x', NOW)).rejects.toThrow(/closed/);
        expect(() => closing.onSubmission('x', () => undefined)).toThrow(/closed/);
      });

      it('reported no unexpected errors', () => {
        expect(errors).toEqual([]);
      });
    });
  },
);

/** The columns of each table, in order, as the database has them. */
async function tableColumns(
  kind: 'sqlite' | 'postgres',
  url: string,
  tables: readonly string[],
): Promise<Record<string, string[]>> {
  const result: Record<string, string[]> = {};
  if (kind === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      for (const table of tables)
        result[table] = (db.pragma(`table_info(${table})`) as { name: string }[]).map(
          (c) => c.name,
        );
    } finally {
      db.close();
    }
    return result;
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const table of tables) {
      const { rows } = await client.query<{ column_name: string }>(
        'select column_name from information_schema.columns where table_name = $1 order by ordinal_position',
        [table],
      );
      result[table] = rows.map((row) => row.column_name);
    }
  } finally {
    await client.end();
  }
  return result;
}

/** Rows of a query on the database itself (`$1`… parameters; SQLite gets them as `?`). */
async function rawRows<T = unknown>(
  kind: 'sqlite' | 'postgres',
  url: string,
  query: string,
  parameters: unknown[] = [],
): Promise<T[]> {
  if (kind === 'sqlite') {
    const db = new Database(url.slice('sqlite:'.length), { readonly: true });
    try {
      return db.prepare(query.replace(/\$\d+/g, '?')).all(...parameters) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(query, parameters)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An idempotency key as the five-point release stored it, in the clear. */
const RAW_KEY = 'five-point-idempotency-key-in-the-clear';

/**
 * A database as the five-point release left it: migrations 0001 and 0002 (on PostgreSQL with the
 * five-point function, whose creation 0002 no longer repeats), and a round with its counters and
 * an idempotency key in the clear.
 */
async function migrateToFivePoint(kind: 'sqlite' | 'postgres', url: string): Promise<void> {
  const db = new Kysely<unknown>({
    dialect:
      kind === 'sqlite'
        ? new SqliteDialect({ database: new Database(url.slice('sqlite:'.length)) })
        : new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
  });
  try {
    const migrator = new Migrator({ db, provider: migrationProvider });
    const { error } = await migrator.migrateTo('0002-postgres-add-submissions-function');
    if (error) throw error;
    await sql`insert into rounds (code, teacher_key_hash, compass, version, created_at, expires_at)
      values ('five-point', 'h', 'socialpolitik', '3', 0, ${FAR.getTime()})`.execute(db);
    await sql`insert into statement_counts (code, statement, plus1, important)
      values ('five-point', 's1', 1, 1)`.execute(db);
    await sql`insert into idempotency_keys (code, key) values ('five-point', ${RAW_KEY})`.execute(
      db,
    );
    if (kind === 'postgres') {
      const types = ['text', 'text[]', 'text[]', 'bigint[]', 'integer[]', 'text[]'];
      const args = [...types, ...Array(7).fill('integer[]'), 'integer[]', 'text[]'];
      await sql
        .raw(
          `create function classroom_add_submissions(${[...args, ...Array(3).fill('integer[]')].join(', ')}) returns text[] language sql as 'select null::text[]'`,
        )
        .execute(db);
    }
  } finally {
    await db.destroy();
  }
}

/** When PostgreSQL last vacuumed `idempotency_keys` by hand (null if never). */
async function lastVacuum(url: string): Promise<string | null> {
  const [row] = await rawRows<{ at: string | null }>(
    'postgres',
    url,
    "select last_vacuum::text as at from pg_stat_user_tables where relname = 'idempotency_keys'",
  );
  return row?.at ?? null;
}
