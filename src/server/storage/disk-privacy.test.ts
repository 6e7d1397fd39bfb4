import { createHmac } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import {
  CATEGORIES,
  classroomApi,
  RANDOMIZATION_P,
  type RandomizedSubmission,
  randomizedSubmission,
  uniformFromRandomValues,
} from '../../domain/classroom/index.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import { type RunningServer, startServer } from '../start.ts';

// What a round leaves on disk, read as raw bytes: a real server on a SQLite file, twelve pupils
// whose bodies are made by the browser's code path, then the teacher closes the round. Nothing in
// the files may point at a pupil: no idempotency key, no key hash once the round is closed, no
// order of arrival, no five-point counters, only the counts of the categories actually sent.

const compass: Compass = loadValidBank('tests/fixtures/demo');
const PUPILS = 12;
/** Every pupil's true answer to every statement: +1 "helt för", marked "viktigt". */
const TRUE_ANSWERS = Object.fromEntries(
  compass.statements.map((s) => [s.id, { answer: 1, important: true }]),
) as Voter['answers'];
/** Keys no database page could contain by chance; the letters spell what they are. */
const keyOf = (n: number) => `PupilIdempotencyKeyNo${String(n).padStart(2, '0')}xQz7`;

describe('a closed round on disk (SQLite file)', () => {
  let dir: string;
  let file: string;
  let server: RunningServer;
  let code = '';
  let teacherKey = '';
  const sent: RandomizedSubmission[] = [];
  /** The idempotency keys' rows in storage order, and their HMACs in order of arrival, before the close. */
  let stored: string[] = [];
  let arrival: string[] = [];
  let hasRowid = true;

  const bytes = (suffix: '' | '-wal' | '-shm') =>
    existsSync(file + suffix) ? readFileSync(file + suffix) : Buffer.alloc(0);
  /** A read-only look at the database, closed at once (it must not hold the WAL open). */
  const look = <T>(read: (db: Database.Database) => T): T => {
    const db = new Database(file, { readonly: true });
    try {
      return read(db);
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'valkompass-disk-privacy-'));
    file = join(dir, 'classroom.sqlite');
    server = await startServer({
      staticDir: null,
      compasses: new Map([[compass.id, compass]]),
      databaseUrl: `sqlite:${file}`,
      purgeIntervalMs: 0,
    });
    const created = await fetch(server.url + classroomApi.sessions, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ compass: compass.id }),
    });
    ({ code, teacherKey } = (await created.json()) as { code: string; teacherKey: string });
    for (let n = 0; n < PUPILS; n++) {
      const random = uniformFromRandomValues(seededRandomValues(7_000 + n));
      const body = randomizedSubmission(compass.statements, TRUE_ANSWERS, RANDOMIZATION_P, random);
      sent.push(body);
      const response = await fetch(server.url + classroomApi.submissions(code), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': keyOf(n) },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(201);
    }
    look((db) => {
      const { key_salt: salt } = db
        .prepare('select key_salt from rounds where code = ?')
        .get(code) as { key_salt: Buffer };
      arrival = Array.from({ length: PUPILS }, (_, n) =>
        createHmac('sha256', salt).update(keyOf(n), 'utf8').digest('hex'),
      );
      // No ORDER BY: the rows as the table stores them.
      stored = (db.prepare('select hash from idempotency_keys').pluck().all() as Buffer[]).map(
        (hash) => hash.toString('hex'),
      );
      try {
        db.prepare('select rowid from idempotency_keys').all();
      } catch {
        hasRowid = false;
      }
    });
    // The keys' hashes are on disk while the round is open (in the WAL or the main file).
    const open = Buffer.concat([bytes(''), bytes('-wal')]);
    expect(arrival.some((hash) => open.includes(Buffer.from(hash, 'hex')))).toBe(true);

    const closed = await fetch(server.url + classroomApi.close(code), {
      method: 'POST',
      headers: { authorization: `Bearer ${teacherKey}` },
    });
    expect(closed.status).toBe(200);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("kept the open round's keys as HMACs in hash order, not in order of arrival", () => {
    expect(hasRowid).toBe(false);
    expect([...stored].sort()).toEqual([...arrival].sort());
    expect(stored).toEqual([...arrival].sort());
    expect(stored).not.toEqual(arrival);
  });

  it('has no idempotency key, raw, in the main file, the -wal or the -shm', () => {
    for (const suffix of ['', '-wal', '-shm'] as const)
      for (let n = 0; n < PUPILS; n++)
        expect(bytes(suffix).includes(Buffer.from(keyOf(n), 'utf8')), `${keyOf(n)}${suffix}`).toBe(
          false,
        );
  });

  it('deleted the keys at close, their hashes overwritten and the -wal truncated', () => {
    expect(look((db) => db.prepare('select count(*) from idempotency_keys').pluck().get())).toBe(0);
    expect(existsSync(`${file}-wal`) ? statSync(`${file}-wal`).size : 0).toBe(0);
    const files = Buffer.concat([bytes(''), bytes('-wal'), bytes('-shm')]);
    for (const hash of arrival) expect(files.includes(Buffer.from(hash, 'hex')), hash).toBe(false);
  });

  it('has no table or column of five-point counters', () => {
    const columns = look((db) => {
      const tables = db
        .prepare("select name from sqlite_master where type = 'table'")
        .pluck()
        .all() as string[];
      return Object.fromEntries(
        tables.map((table) => [
          table,
          db.prepare(`select name from pragma_table_info(?)`).pluck().all(table) as string[],
        ]),
      );
    });
    expect(Object.keys(columns)).not.toContain('statement_counts');
    expect(Object.keys(columns)).not.toContain('party_counts');
    const fivePoint = ['minus1', 'minus_half', 'zero', 'plus_half', 'plus1', 'skip', 'important'];
    for (const [table, names] of Object.entries(columns))
      for (const name of names) expect(fivePoint, `${table}.${name}`).not.toContain(name);
  });

  it('stores the counts of the categories sent, which are not the true answers', () => {
    const rows = look(
      (db) =>
        db
          .prepare('select * from category_counts where code = ? order by statement')
          .all(code) as Record<string, string | number>[],
    );
    const storedCounts = Object.fromEntries(
      rows.map((row) => [
        row.statement,
        Object.fromEntries(CATEGORIES.map((c) => [c, row[c.replace('-', '_')]])),
      ]),
    );
    const sentCounts = Object.fromEntries(
      compass.statements.map((s) => [
        s.id,
        Object.fromEntries(
          CATEGORIES.map((c) => [c, sent.filter((body) => body.categories[s.id] === c).length]),
        ),
      ]),
    );
    expect(storedCounts).toEqual(sentCounts);
    // The truth would be all twelve "for" on every statement; the randomization moved some.
    const truth = Object.fromEntries(
      compass.statements.map((s) => [
        s.id,
        Object.fromEntries(CATEGORIES.map((c) => [c, c === 'for' ? PUPILS : 0])),
      ]),
    );
    expect(storedCounts).not.toEqual(truth);
    expect(
      compass.statements.filter((s) => storedCounts[s.id]!.for !== PUPILS).length,
    ).toBeGreaterThan(0);
  });
});
