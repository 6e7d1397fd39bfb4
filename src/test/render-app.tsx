import { act, render, screen } from '@testing-library/react';
import type { i18n as I18n } from 'i18next';
import { type ReactElement, Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Layout } from '../app/Layout.tsx';
import { CompassProvider } from '../context/compass-context.tsx';
import type { Compass } from '../domain/bank/types.ts';
import { createI18n, switchLanguage } from '../i18n/i18n.ts';
import type { Language } from '../i18n/languages.ts';
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
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route element={<Layout />}>
            <Route
              path={route}
              element={<CompassProvider value={compass}>{element}</CompassProvider>}
            />
          </Route>
        </Routes>
      </MemoryRouter>
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
