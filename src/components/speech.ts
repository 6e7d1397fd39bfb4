import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';

/**
 * Read-aloud with the browser's own speech synthesis. Only voices that run on the device
 * (`localService`) are used: a network voice would send the text to a third party, and the app
 * sends nothing anywhere. With no such voice for a language, there is no read-aloud in it.
 */

/** The language tag an utterance gets for text in `language` (an app language or 'sv'). */
export function speechLang(language: string): string {
  const base = language.split('-')[0]!.toLowerCase();
  return base === 'sv' ? 'sv-SE' : base === 'en' ? 'en-GB' : base;
}

const norm = (tag: string) => tag.replace(/_/g, '-').toLowerCase();

/**
 * The device's voice for `lang`: the exact regional variant if there is one (sv-SE, en-GB), else
 * any of the same language (en-US for en-GB, ar-SA for ar), the browser's default first; null
 * when the device has none.
 */
export function pickVoice(
  voices: readonly SpeechSynthesisVoice[],
  lang: string,
): SpeechSynthesisVoice | null {
  const want = norm(lang);
  const base = want.split('-')[0];
  const local = voices.filter((v) => v.localService && norm(v.lang).split('-')[0] === base);
  const rank = (v: SpeechSynthesisVoice) => (norm(v.lang) === want ? 0 : 2) + (v.default ? 0 : 1);
  return [...local].sort((a, b) => rank(a) - rank(b))[0] ?? null;
}

/** The speech synthesis of this browser, or null without one (old browsers, jsdom, some webviews). */
export function synthesis(): SpeechSynthesis | null {
  try {
    return typeof window !== 'undefined' &&
      'speechSynthesis' in window &&
      typeof window.SpeechSynthesisUtterance === 'function'
      ? (window.speechSynthesis ?? null)
      : null;
  } catch {
    return null;
  }
}

/**
 * The voice for `lang`, updated as the browser's voices arrive: Chrome lists none until its
 * 'voiceschanged' event, so the read-aloud button appears once a fitting voice is known.
 */
export function useVoice(lang: string): SpeechSynthesisVoice | null {
  const [voices, setVoices] = useState<readonly SpeechSynthesisVoice[]>(
    () => synthesis()?.getVoices() ?? [],
  );
  useEffect(() => {
    const synth = synthesis();
    if (!synth) return;
    const update = () => setVoices(synth.getVoices());
    update();
    synth.addEventListener('voiceschanged', update);
    return () => synth.removeEventListener('voiceschanged', update);
  }, []);
  return useMemo(() => pickVoice(voices, lang), [voices, lang]);
}

// Who is speaking: at most one text at a time in the whole app, read by the button that started it.
let speaker: string | null = null;
let current: SpeechSynthesisUtterance | null = null;
const listeners = new Set<() => void>();
const setSpeaker = (owner: string | null) => {
  if (speaker === owner) return;
  speaker = owner;
  for (const listener of listeners) listener();
};
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

/** Whether the text started by `owner` is being read now. */
export function useSpeaking(owner: string): boolean {
  return useSyncExternalStore(
    subscribe,
    () => speaker === owner,
    () => false,
  );
}

/** Reads `text` aloud on behalf of `owner`, first stopping anything being read. */
export function speak(owner: string, text: string, lang: string, voice: SpeechSynthesisVoice) {
  const synth = synthesis();
  if (!synth) return;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang;
  utterance.voice = voice;
  const done = () => {
    if (current === utterance) {
      current = null;
      setSpeaker(null);
    }
  };
  utterance.addEventListener('end', done);
  utterance.addEventListener('error', done);
  current = utterance;
  setSpeaker(owner);
  synth.speak(utterance);
}

/** Stops reading if `owner` started what is being read (any reading without an owner given). */
export function stopSpeaking(owner?: string) {
  if (owner !== undefined && speaker !== owner) return;
  current = null;
  setSpeaker(null);
  synthesis()?.cancel();
}
