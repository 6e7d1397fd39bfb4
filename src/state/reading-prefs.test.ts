// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { arrivalPath } from '../i18n/reading.ts';
import {
  READING_PREFS_STORAGE_KEY,
  readReadingPrefs,
  rememberReading,
  useReadingPrefs,
} from './reading-prefs.ts';

const stored = () =>
  JSON.parse(localStorage.getItem(READING_PREFS_STORAGE_KEY) ?? 'null') as {
    state: unknown;
    version: number;
  } | null;
const prefs = () => {
  const { language, easy } = useReadingPrefs.getState();
  return { language, easy };
};

beforeEach(() => {
  localStorage.clear();
  useReadingPrefs.setState({ language: null, easy: false });
  localStorage.clear();
});
afterEach(() => vi.restoreAllMocks());

describe('reading preferences', () => {
  it('start as nothing chosen: the browser’s language decides, regular text', () => {
    expect(prefs()).toEqual({ language: null, easy: false });
  });

  it('remember the language and the reading mode together, and read them back', async () => {
    useReadingPrefs.getState().choose('sv', true);
    expect(stored()).toEqual({ state: { language: 'sv', easy: true }, version: 1 });
    useReadingPrefs.setState({ language: null, easy: false }, false);
    localStorage.setItem(
      READING_PREFS_STORAGE_KEY,
      JSON.stringify({ state: { language: 'sv', easy: true }, version: 1 }),
    );
    await useReadingPrefs.persist.rehydrate();
    expect(prefs()).toEqual({ language: 'sv', easy: true });

    useReadingPrefs.getState().choose('ar', false);
    expect(stored()?.state).toEqual({ language: 'ar', easy: false });
  });

  it('never keep easy-read with another language than Swedish', async () => {
    useReadingPrefs.getState().choose('en', true);
    expect(prefs()).toEqual({ language: 'en', easy: false });
    localStorage.setItem(
      READING_PREFS_STORAGE_KEY,
      JSON.stringify({ state: { language: 'ar', easy: true }, version: 1 }),
    );
    await useReadingPrefs.persist.rehydrate();
    expect(prefs()).toEqual({ language: 'ar', easy: false });
  });

  it.each([
    ['not JSON', '{'],
    ['no state', '{"version":1}'],
    ['an unknown language', '{"state":{"language":"de","easy":true},"version":1}'],
    ['a wrong type', '{"state":{"language":["sv"],"easy":"yes"},"version":1}'],
    ['another version', '{"state":"x","version":0}'],
  ])('read garbage in storage (%s) as nothing chosen', async (_what, raw) => {
    useReadingPrefs.getState().choose('en', false);
    localStorage.setItem(READING_PREFS_STORAGE_KEY, raw);
    await useReadingPrefs.persist.rehydrate();
    expect(prefs()).toEqual({ language: null, easy: false });
  });

  it('work from memory when storage is blocked', async () => {
    vi.spyOn(Storage.prototype, 'setItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    vi.spyOn(Storage.prototype, 'getItem').mockImplementation(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    await expect(useReadingPrefs.persist.rehydrate()).resolves.toBeUndefined();
    useReadingPrefs.getState().choose('sv', true);
    expect(prefs()).toEqual({ language: 'sv', easy: true });
  });

  it('readReadingPrefs keeps only what it recognises', () => {
    expect(readReadingPrefs(null)).toEqual({ language: null, easy: false });
    expect(readReadingPrefs({ language: 'sv', easy: true })).toEqual({
      language: 'sv',
      easy: true,
    });
    expect(readReadingPrefs({ language: 'sv', easy: 1 })).toEqual({ language: 'sv', easy: false });
  });

  it('rememberReading stores a reading as its language and easy-read, and nothing more', () => {
    rememberReading('en');
    expect(stored()).toEqual({ state: { language: 'en', easy: false }, version: 1 });
    rememberReading('lattlast');
    expect(stored()?.state).toEqual({ language: 'sv', easy: true });
    expect(prefs()).toEqual({ language: 'sv', easy: true });
    rememberReading('ar');
    expect(stored()?.state).toEqual({ language: 'ar', easy: false });
    rememberReading('sv');
    expect(stored()?.state).toEqual({ language: 'sv', easy: false });
  });

  it('what rememberReading stores is where an address without a reading leads next time', () => {
    const home = { pathname: '/', search: '', hash: '' };
    const arrival = () => arrivalPath(home, localStorage.getItem(READING_PREFS_STORAGE_KEY), []);
    expect(arrival()).toBeNull();
    for (const [reading, path] of [
      ['en', '/en/'],
      ['ar', '/ar/'],
      ['lattlast', '/lattlast/'],
      ['sv', null],
    ] as const) {
      rememberReading(reading);
      expect(arrival()).toBe(path);
    }
  });
});
