import type { i18n } from 'i18next';
import type { Language } from '../config/languages.ts';
import { settled, tracked } from '../config/thenables.ts';
import { originalInstance } from './i18n.ts';

/**
 * Strings that only some visitors need live in namespaces of their own, loaded with the pages
 * that use them, so they cost the start page nothing: `classroom` (joining a class round, the
 * pupil's "send to the class" panel, the /klass entry page), `teacher` (a teacher's round) and
 * `quoteGame` (the quote game, /vem-sa-vad), `lessons` (the teachers' page, /larare),
 * `printables` (the printable material, /larare/utskrift/…) and the newsroom's workbench
 * (/redaktion): `workbench` (its frame and the editor's steps), `workbenchCoding` (coding and
 * reconciliation) and `workbenchBalance` (the balance panel).
 * Their keys are typed from the Swedish files (i18next.d.ts) and held to the same keys in every
 * language they are written in by tests/i18n-parity.test.ts.
 */
export type LazyNamespace =
  | 'classroom'
  | 'teacher'
  | 'quoteGame'
  | 'lessons'
  | 'printables'
  | 'workbench'
  | 'workbenchCoding'
  | 'workbenchBalance';

type Loader = () => Promise<{ default: Record<string, unknown> }>;

/**
 * Material for teachers, and the newsroom's workbench, are written in Swedish and English only; in
 * another language those pages show English, marked up as such (`namespaceLanguage`).
 */
const loaders: Partial<
  Record<LazyNamespace, Partial<Record<Language, Loader>> & { sv: Loader; en: Loader }>
> = {
  classroom: {
    sv: () => import('./locales/classroom/sv.json'),
    en: () => import('./locales/classroom/en.json'),
    ar: () => import('./locales/classroom/ar.json'),
  },
  teacher: {
    sv: () => import('./locales/teacher/sv.json'),
    en: () => import('./locales/teacher/en.json'),
    ar: () => import('./locales/teacher/ar.json'),
  },
  quoteGame: {
    sv: () => import('./locales/quote-game/sv.json'),
    en: () => import('./locales/quote-game/en.json'),
    ar: () => import('./locales/quote-game/ar.json'),
  },
  lessons: {
    sv: () => import('./locales/lessons/sv.json'),
    en: () => import('./locales/lessons/en.json'),
  },
  printables: {
    sv: () => import('./locales/printables/sv.json'),
    en: () => import('./locales/printables/en.json'),
  },
};

/**
 * The workbench's namespaces are not in the table above, which the start page carries: its page
 * adds their loaders when it loads (src/features/workbench/strings.ts), before it asks for them.
 */
export function addNamespaceLoaders(
  namespace: LazyNamespace,
  languages: Partial<Record<Language, Loader>> & { sv: Loader; en: Loader },
): void {
  loaders[namespace] = languages;
}

/**
 * The language `namespace` is shown in when the app is in `language`: that language when the
 * namespace is written in it, else English. A page whose namespace falls back renders its text
 * with `useTranslation(namespace, { lng })` inside an element with `lang` and `dir` of that language.
 */
export function namespaceLanguage(namespace: LazyNamespace, language: Language): Language {
  return loaders[namespace]?.[language] ? language : 'en';
}

/** Loads in flight or done, per i18next instance (tests make one per render). */
const loads = new WeakMap<i18n, Map<string, Promise<void>>>();

/** Read by `use()` as fulfilled at once, so a gate calls `use()` on every render as React requires. */
const loaded = settled(undefined);

/**
 * Resolves once `namespace` is loaded for `language` (and for Swedish, the fallback). Repeated
 * calls share one promise; an already fulfilled one when there is nothing to wait for.
 */
export function loadNamespace(
  given: i18n,
  namespace: LazyNamespace,
  language: Language,
): Promise<void> {
  const instance = originalInstance(given);
  // One promise per instance, namespace and language, kept after it settles: React replays a
  // suspended render and must get the same promise again.
  let mine = loads.get(instance);
  if (!mine) loads.set(instance, (mine = new Map()));
  const key = `${namespace}/${language}`;
  const cached = mine.get(key);
  if (cached) return cached;
  const needed = [...new Set<Language>([namespaceLanguage(namespace, language), 'sv'])].filter(
    (lang) => !instance.hasResourceBundle(lang, namespace),
  );
  const pending =
    needed.length === 0
      ? loaded
      : tracked(
          Promise.all(
            needed.map((lang) =>
              loaders[namespace]![lang]!().then((strings) => {
                instance.addResourceBundle(lang, namespace, strings.default, true, true);
              }),
            ),
          ).then(() => undefined),
        );
  mine.set(key, pending);
  return pending;
}
