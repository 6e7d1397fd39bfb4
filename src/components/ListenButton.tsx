import { useEffect, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { speak, speechLang, stopSpeaking, useSpeaking, useVoice } from './speech.ts';

/**
 * "Lyssna": reads `text` (written in `lang`) aloud with a voice of the device, and "Sluta läsa"
 * stops it. Not shown where the browser cannot speak that language on the device. Reading stops
 * when the text changes (the next statement) or the button goes away.
 *
 * `name` is the accessible name while not reading ("Lyssna på påståendet"), beginning with the
 * visible word, so that several buttons on one page are told apart.
 */
export function ListenButton({ text, lang, name }: { text: string; lang: string; name: string }) {
  const { t } = useTranslation();
  const owner = useId();
  const tag = speechLang(lang);
  const voice = useVoice(tag);
  const speaking = useSpeaking(owner);
  useEffect(() => () => stopSpeaking(owner), [owner, text, tag]);
  if (!voice) return null;
  return (
    <button
      type="button"
      className={speaking ? 'listen speaking' : 'listen'}
      aria-label={speaking ? undefined : name}
      onClick={() => (speaking ? stopSpeaking(owner) : speak(owner, text, tag, voice))}
    >
      <span aria-hidden="true" className="listen-icon">
        {speaking ? '■' : '▶'}
      </span>
      {speaking ? t('listen.stop') : t('listen.start')}
    </button>
  );
}
