import { act, render, screen } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { type ReactElement, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { Layout } from '../app/Layout.tsx';
import { ReadingScope } from '../app/ReadingScope.tsx';
import type { Language } from '../config/languages.ts';
import { CompassProvider } from '../context/compass-context.tsx';
import { ScopeProvider } from '../context/scope-context.tsx';
import type { Compass } from '../domain/bank/types.ts';
import { createI18n, switchLanguage } from '../i18n/i18n.ts';
import { readingPrefix, READINGS } from '../i18n/reading.ts';
import { useAnswers } from '../state/answers-store.ts';
import { useReadingPrefs } from '../state/reading-prefs.ts';
import { loadValidBank } from '../tools/load-bank.ts';

/** The small fictional compass of tests/fixtures/demo. */
export const demoCompass: Compass = loadValidBank('tests/fixtures/demo');

interface RenderOptions {
  path?: string;
  route?: string;
  compass?: Compass;
  easy?: boolean;
  /** Reads the reading preferences from localStorage, as a reload does, instead. */
  storedReading?: boolean;
}

/**
 * Renders a page the way the app does: real i18n (Swedish), the page frame, the compass in
 * context, a memory router at `path`, and a fresh answers store. Reading preferences start as on
 * a first visit (nothing chosen, regular text), in easy-read Swedish with `easy: true`, or as
 * stored with `storedReading: true` (the language itself stays Swedish: set it by clicking).
 */
export function renderPage(
  element: ReactElement,
  {
    path = '/',
    route = '*',
    compass = demoCompass,
    easy = false,
    storedReading = false,
    i18n = createI18n(),
  }: RenderOptions & {
    /** An i18n instance of the test's own (e.g. already switched to another language). */
    i18n?: I18n;
  } = {},
) {
  useAnswers.setState(useAnswers.getInitialState(), true);
  if (storedReading) void useReadingPrefs.persist.rehydrate();
  else useReadingPrefs.setState({ language: easy ? 'sv' : null, easy });
  useAnswers.getState().bindCompass(compass.id, compass.version);
  const view = render(
    <I18nextProvider i18n={i18n}>
      <ScopeProvider value={{ reading: easy ? 'lattlast' : 'sv', compass: null }}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route element={<Layout />}>
              <Route
                path={route}
                element={
                  <CompassProvider value={compass}>
                    <Suspense fallback={<p role="status">{i18n.t('app.loading')}</p>}>
                      {element}
                    </Suspense>
                  </CompassProvider>
                }
              />
            </Route>
          </Routes>
        </MemoryRouter>
      </ScopeProvider>
    </I18nextProvider>,
  );
  return { ...view, i18n };
}

/**
 * `renderPage` for a page whose strings load lazily (a `NamespaceGate`): in `language`, inside
 * `<Suspense>` and an awaited `act`, so the strings arrive; resolves once the page shows its h1.
 */
export async function renderLazyPage(
  element: ReactElement,
  { language = 'sv', ...options }: RenderOptions & { language?: Language } = {},
) {
  const i18n = createI18n();
  if (language !== 'sv') await switchLanguage(i18n, language);
  let view: ReturnType<typeof renderPage> | undefined;
  await act(async () => {
    view = renderPage(<Suspense fallback={<p>…</p>}>{element}</Suspense>, { ...options, i18n });
  });
  await screen.findByRole('heading', { level: 1 });
  return view!;
}

/**
 * `renderPage` in an awaited `act`, for a page that suspends on its data (`use()`): React 19
 * retries a suspended render in tests only then. The Suspense fallback shows until the data is in.
 */
export async function renderAwaited(
  element: ReactElement,
  options?: Parameters<typeof renderPage>[1],
): Promise<ReturnType<typeof renderPage>> {
  let view: ReturnType<typeof renderPage> | undefined;
  await act(async () => {
    view = renderPage(element, options);
  });
  return view!;
}

/** The router's address, for `renderInReadings`' `location()` (hidden: it is not page content). */
function LocationProbe() {
  const { pathname, search, hash } = useLocation();
  return <span hidden data-testid="location">{`${pathname}${search}${hash}`}</span>;
}

/**
 * Renders a page the way the app's routes do for every reading: `route` (relative, e.g.
 * `fraga/:number`) under `/`, `/en/`, `/ar/` and `/lattlast/`, each in the app's `ReadingScope`
 * (which switches the language) with the page frame inside it. So following a reading link in
 * the header or the easy-read toggle shows the same page in that reading. Start at `path`
 * (prefixed or not); `location()` is where the router is now. Stores start as in `renderPage`.
 */
export function renderInReadings(
  element: ReactElement,
  {
    path = '/',
    route = '*',
    compass = demoCompass,
    storedReading = false,
    i18n = createI18n(),
  }: Omit<RenderOptions, 'easy'> & { i18n?: I18n } = {},
) {
  useAnswers.setState(useAnswers.getInitialState(), true);
  if (storedReading) void useReadingPrefs.persist.rehydrate();
  else useReadingPrefs.setState({ language: null, easy: false });
  useAnswers.getState().bindCompass(compass.id, compass.version);
  const page = (
    <CompassProvider value={compass}>
      <Suspense fallback={<p role="status">{i18n.t('app.loading')}</p>}>{element}</Suspense>
    </CompassProvider>
  );
  const view = render(
    <I18nextProvider i18n={i18n}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          {READINGS.map((reading) => (
            <Route
              key={reading}
              path={`/${readingPrefix(reading)}`}
              element={<ReadingScope reading={reading} />}
            >
              <Route element={<Layout />}>
                {/* A splat does not match the scope's own address (`/`, `/en/`): its index does. */}
                {route === '*' && <Route index element={page} />}
                <Route path={route.replace(/^\//, '')} element={page} />
              </Route>
            </Route>
          ))}
        </Routes>
        <LocationProbe />
      </MemoryRouter>
    </I18nextProvider>,
  );
  return { ...view, i18n, location: () => screen.getByTestId('location').textContent };
}

/** A voice as a browser lists it; on the device (`localService`) unless said otherwise. */
export const voice = (
  lang: string,
  name = `Voice ${lang}`,
  more: Partial<SpeechSynthesisVoice> = {},
): SpeechSynthesisVoice =>
  ({
    lang,
    name,
    voiceURI: name,
    localService: true,
    default: false,
    ...more,
  }) as SpeechSynthesisVoice;

/**
 * A stand-in for the browser's speech synthesis (jsdom has none): records what is spoken, lets a
 * test deliver voices late ('voiceschanged') and finish the text being read. Like Chrome, `cancel`
 * ends the utterance being read with an 'error' event. `remove()` takes it away again.
 */
export function stubSpeech(initialVoices: readonly SpeechSynthesisVoice[] = []) {
  class Utterance extends EventTarget {
    lang = '';
    voice: SpeechSynthesisVoice | null = null;
    constructor(readonly text: string) {
      super();
    }
  }
  let voices = initialVoices;
  let current: Utterance | null = null;
  const spoken: Utterance[] = [];
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => [...voices],
    speak(utterance: Utterance) {
      spoken.push(utterance);
      current = utterance;
    },
    cancelled: 0,
    cancel() {
      synth.cancelled++;
      const was = current;
      current = null;
      was?.dispatchEvent(new Event('error'));
    },
  });
  const globals = [window, globalThis] as unknown as Record<string, unknown>[];
  for (const g of globals) {
    Object.defineProperty(g, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(g, 'SpeechSynthesisUtterance', {
      value: Utterance,
      configurable: true,
      writable: true,
    });
  }
  return {
    synth,
    spoken,
    /** What is being read now, if anything. */
    current: () => current,
    /** Voices arriving after the page has loaded, as in Chrome. */
    setVoices(next: readonly SpeechSynthesisVoice[]) {
      voices = next;
      synth.dispatchEvent(new Event('voiceschanged'));
    },
    /** The text being read comes to its end. */
    finish() {
      const was = current;
      current = null;
      was?.dispatchEvent(new Event('end'));
    },
    remove() {
      for (const g of globals) {
        delete g.speechSynthesis;
        delete g.SpeechSynthesisUtterance;
      }
    },
  };
}
