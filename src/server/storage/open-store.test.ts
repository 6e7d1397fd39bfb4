import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, parseDatabaseUrl } from './open-store.ts';
import { openSqliteDatabase, SQLITE_BUSY_TIMEOUT_MS } from './sqlite.ts';

const dir = mkdtempSync(join(tmpdir(), 'valkompass-open-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('parseDatabaseUrl', () => {
  it.each([
    ['sqlite:data/classroom.sqlite', { kind: 'sqlite', path: 'data/classroom.sqlite' }],
    [
      'sqlite:/var/lib/valkompass/c.sqlite',
      { kind: 'sqlite', path: '/var/lib/valkompass/c.sqlite' },
    ],
    ['sqlite::memory:', { kind: 'sqlite', path: ':memory:' }],
    [
      'postgres://u:p@db:5432/vk',
      { kind: 'postgres', connectionString: 'postgres://u:p@db:5432/vk' },
    ],
    ['postgresql://db/vk', { kind: 'postgres', connectionString: 'postgresql://db/vk' }],
  ])('reads %s', (url, expected) => {
    expect(parseDatabaseUrl(url)).toEqual(expected);
  });

  it.each([
    ['mysql://root:s3cret@db/vk', /unsupported database URL scheme "mysql:"/],
    ['sqlite://data/x.sqlite', /ambiguous/],
    ['sqlite:', /needs a path/],
    ['', /no database URL/],
    ['data/classroom.sqlite', /unsupported database URL \(no scheme\)/],
  ])('refuses %j with a clear error', (url, message) => {
    expect(() => parseDatabaseUrl(url)).toThrow(message);
    expect(() => parseDatabaseUrl(url)).toThrow(/sqlite:<path>/);
  });

  it('never repeats the URL, which may hold a password', () => {
    expect(() => parseDatabaseUrl('mysql://root:s3cret@db/vk')).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('s3cret') }),
    );
  });
});

describe('openStore', () => {
  it('rejects an unsupported URL', async () => {
    await expect(openStore('redis://localhost')).rejects.toThrow(/unsupported/);
  });

  it('creates the folder of a SQLite file and the schema in it', async () => {
    const file = join(dir, 'nested', 'deeper', 'classroom.sqlite');
    const store = await openStore(`sqlite:${file}`);
    try {
      expect(existsSync(file)).toBe(true);
      const raw = new Database(file, { readonly: true });
      try {
        const tables = raw
          .prepare("select name from sqlite_master where type = 'table' order by name")
          .pluck()
          .all();
        expect(tables).toEqual(
          expect.arrayContaining(['category_counts', 'idempotency_keys', 'rounds']),
        );
        expect(tables).not.toContain('statement_counts');
        expect(tables).not.toContain('party_counts');
        // No column that could hold a pupil's answers or address: counters and hashed keys only.
        const columns = (table: string) =>
          raw.prepare(`select name from pragma_table_info('${table}')`).pluck().all();
        expect(columns('idempotency_keys')).toEqual(['code', 'hash']);
        expect(columns('rounds')).toEqual([
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
        ]);
        expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
      } finally {
        raw.close();
      }
    } finally {
      await store.close();
    }
  });

  it('fails clearly, and releases its connections, when PostgreSQL cannot be reached', async () => {
    await expect(openStore('postgres://nobody@127.0.0.1:1/nothing')).rejects.toThrow(
      /migration.*failed|ECONNREFUSED|connect/i,
    );
  });
});

describe('openSqliteDatabase', () => {
  it('sets WAL, synchronous = FULL, a busy timeout, foreign keys and secure_delete on every connection', () => {
    const db = openSqliteDatabase(join(dir, 'pragmas', 'p.sqlite'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('busy_timeout', { simple: true })).toBe(SQLITE_BUSY_TIMEOUT_MS);
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('secure_delete', { simple: true })).toBe(1);
    } finally {
      db.close();
    }
  });
});
