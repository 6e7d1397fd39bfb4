import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyStatus, useCopy } from '../../components/use-copy.tsx';
import { DEFAULT_ACCENT, isReadableAccent } from '../../config/embed-contract.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { LANGUAGE_NAMES, LANGUAGES } from '../../i18n/i18n.ts';
import { localized } from '../../i18n/localized.ts';
import {
  defaultSnippetChoice,
  frameUrl,
  iframeSnippet,
  reservedHeight,
  scriptSnippet,
  type SnippetChoice,
} from './snippet.ts';

/** /embed: an editor picks the options, sees a live preview, and copies the snippet. */
export function SnippetBuilder() {
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const [choice, setChoice] = useState<SnippetChoice>(() => defaultSnippetChoice(compass.id));
  const copying = useCopy();
  const snippetField = useRef<HTMLTextAreaElement>(null);
  const plainField = useRef<HTMLTextAreaElement>(null);
  const set = (change: Partial<SnippetChoice>) => setChoice((c) => ({ ...c, ...change }));
  const origin = window.location.origin;
  const snippet = scriptSnippet(choice, origin);
  const plain = iframeSnippet(choice, origin, t('app.name'));
  const accentOk = choice.accent === null || isReadableAccent(choice.accent);
  const allParties = choice.parties.length === 0;
  return (
    <>
      <h1>{t('builder.title')}</h1>
      <p>{t('builder.intro')}</p>
      <form className="builder" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('builder.language')}{' '}
          <select value={choice.lang} onChange={(e) => set({ lang: e.target.value })}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {LANGUAGE_NAMES[l]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('builder.what')}{' '}
          <select
            value={choice.statement ?? ''}
            onChange={(e) => set({ statement: e.target.value || null })}
          >
            <option value="">{t('builder.wholeQuiz')}</option>
            {compass.statements.map((s) => (
              <option key={s.id} value={s.id}>
                {localized(s.text, i18n.language)}
              </option>
            ))}
          </select>
        </label>
        {choice.statement === null && (
          <>
            <fieldset>
              <legend>{t('builder.parties')}</legend>
              {compass.parties.map((p) => (
                <label key={p.id}>
                  <input
                    type="checkbox"
                    checked={allParties || choice.parties.includes(p.id)}
                    onChange={(e) => {
                      const current = allParties
                        ? compass.parties.map((q) => q.id)
                        : choice.parties;
                      const next = e.target.checked
                        ? [...current, p.id]
                        : current.filter((id) => id !== p.id);
                      if (next.length > 0)
                        set({ parties: next.length === compass.parties.length ? [] : next });
                    }}
                  />
                  {t('party.label', { name: p.name, municipality: p.municipality })}
                </label>
              ))}
            </fieldset>
            <label>
              <input
                type="checkbox"
                checked={choice.compact}
                onChange={(e) => set({ compact: e.target.checked })}
              />
              {t('builder.compact')}
            </label>
            <label>
              {t('builder.start')}{' '}
              <select
                value={choice.start}
                onChange={(e) => set({ start: e.target.value as SnippetChoice['start'] })}
              >
                <option value="start">{t('builder.startPage')}</option>
                <option value="quiz">{t('builder.firstStatement')}</option>
              </select>
            </label>
          </>
        )}
        <label>
          {t('builder.theme')}{' '}
          <select
            value={choice.theme}
            onChange={(e) => set({ theme: e.target.value as SnippetChoice['theme'] })}
          >
            <option value="auto">{t('builder.themeAuto')}</option>
            <option value="light">{t('builder.themeLight')}</option>
            <option value="dark">{t('builder.themeDark')}</option>
          </select>
        </label>
        <label>
          <input
            type="checkbox"
            checked={choice.accent !== null}
            onChange={(e) => set({ accent: e.target.checked ? DEFAULT_ACCENT : null })}
          />
          {t('builder.ownAccent')}
        </label>
        {choice.accent !== null && (
          <label>
            {t('builder.accent')}{' '}
            <input
              type="color"
              value={choice.accent}
              onChange={(e) => set({ accent: e.target.value })}
            />
          </label>
        )}
        {!accentOk && <p role="alert">{t('builder.lowContrast')}</p>}
      </form>
      <h2>{t('builder.snippet')}</h2>
      <label htmlFor="snippet">{t('builder.snippetLabel')}</label>
      <textarea
        ref={snippetField}
        id="snippet"
        className="snippet"
        readOnly
        rows={4}
        value={snippet}
      />
      <p>
        <button type="button" onClick={() => void copying.copy(snippet, snippetField.current)}>
          {t('builder.copy')}
        </button>
      </p>
      <details>
        <summary>{t('builder.plain')}</summary>
        <p>{t('builder.plainExplain')}</p>
        <label htmlFor="plain-snippet">{t('builder.plainLabel')}</label>
        <textarea
          ref={plainField}
          id="plain-snippet"
          className="snippet"
          readOnly
          rows={4}
          value={plain}
        />
        <p>
          <button type="button" onClick={() => void copying.copy(plain, plainField.current)}>
            {t('builder.copyPlain')}
          </button>
        </p>
      </details>
      <CopyStatus
        state={copying.state}
        copied={t('builder.copied')}
        failed={t('share.copyFailed')}
      />
      <h2>{t('builder.preview')}</h2>
      <iframe
        key={frameUrl(choice, origin)}
        className="preview"
        title={t('builder.previewTitle')}
        src={frameUrl(choice, origin)}
        style={{ height: reservedHeight(choice) }}
      />
    </>
  );
}
