import { sitePaths } from '../../config/paths.ts';

/** The name of the teacher key in the teacher link's fragment: `#nyckel=<key>`. */
export const KEY_FRAGMENT = 'nyckel';

/** A teacher key as the service makes them (base64url); anything else in a fragment is ignored. */
const KEY_PATTERN = /^[A-Za-z0-9_-]{16,256}$/;

/** The site's own origin and base path, for links that leave this browser (QR code, copy). */
const siteRoot = () => `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}`;

/**
 * The round's pages of `compass`, without a reading prefix: each pupil then reads in the language
 * their own browser asks for, not the teacher's.
 */
const roundPaths = (compass: string | null) => sitePaths('', compass);

/** The link pupils open to join round `code` of `compass`. */
export const pupilLink = (compass: string | null, code: string) =>
  `${siteRoot()}${roundPaths(compass).classroomJoin(code)}`;

/** The classroom entry page of `compass`, where pupils can type the code. */
export const classroomPage = (compass: string | null) =>
  `${siteRoot()}${roundPaths(compass).classroom}`;

/** The teacher link: the teacher's page with the key in the fragment, which no server ever sees. */
export const teacherLink = (compass: string | null, code: string, key: string) =>
  `${siteRoot()}${roundPaths(compass).classroomTeacher(code)}#${KEY_FRAGMENT}=${encodeURIComponent(key)}`;

/**
 * The teacher key in a location's fragment (`#nyckel=<key>`): the key, null when the fragment
 * holds none (or another kind of fragment), or `invalid` when it is there but not a key.
 */
export function readKeyFragment(hash: string): string | null | 'invalid' {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  const prefix = `${KEY_FRAGMENT}=`;
  if (!text.startsWith(prefix)) return null;
  let key: string;
  try {
    key = decodeURIComponent(text.slice(prefix.length));
  } catch {
    return 'invalid';
  }
  return KEY_PATTERN.test(key) ? key : 'invalid';
}
