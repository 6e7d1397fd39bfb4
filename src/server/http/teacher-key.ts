/**
 * The teacher's key: 32 random bytes (256 bits) as base64url, shown once when a round starts.
 * The store keeps only its SHA-256; a key is checked by hashing it and comparing the hashes in
 * constant time.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const KEY_BYTES = 32;
/** 32 bytes in base64url without padding: 43 characters. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const BEARER = /^Bearer[ \t]+(\S+)[ \t]*$/i;

export function makeTeacherKey(): string {
  return randomBytes(KEY_BYTES).toString('base64url');
}

/** The stored form of a key: SHA-256, hex. */
export function hashTeacherKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/**
 * The key from an `Authorization: Bearer <key>` header, or null when the header is missing or
 * is not a bearer key of the right form (then the request has no key: 401).
 */
export function readTeacherKey(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string') return null;
  const key = BEARER.exec(header)?.[1];
  return key !== undefined && KEY_PATTERN.test(key) ? key : null;
}

/** Whether `key` hashes to `storedHash`, compared in constant time. */
export function teacherKeyMatches(key: string, storedHash: string): boolean {
  const given = createHash('sha256').update(key, 'utf8').digest();
  const stored = Buffer.from(storedHash, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored);
}
