import { useState } from 'react';
import { countWords, lix } from '../../../domain/bank/lix.ts';
import type { MetaBody, StatementBody } from '../../../domain/workbench/api.ts';
import type { DraftIssue, DraftText } from '../../../domain/workbench/draft.ts';
import { Field } from '../ui/Field.tsx';
import { useWt } from '../ui/use-wt.ts';
import { fieldDomId, issuesAt, otherIssues } from './issues.ts';
import { StatementChoices } from './StatementChoices.tsx';

const SHOWN = ['text', 'explainer', 'theme', 'direction', 'terms', 'easy', 'order'];

/** Words and LIX of an easy-read text, as the bank's validator counts them. */
function Counts({ text }: { text: string }) {
  const { t, i18n } = useWt();
  const value = text.trim() === '' ? 0 : lix(text);
  return (
    <>
      {t('statement.counts', {
        words: countWords(text),
        lix: value.toLocaleString(i18n.language, { maximumFractionDigits: 0 }),
      })}
    </>
  );
}

/** Step 3's form for one statement; the draft check's problems stand at the fields they concern. */
export function StatementForm({
  id,
  statement,
  meta,
  issues,
  onSave,
}: {
  id: string;
  statement: StatementBody;
  meta: MetaBody | null;
  issues: readonly DraftIssue[];
  onSave: (statement: StatementBody) => void;
}) {
  const { t } = useWt();
  const set = (patch: Partial<StatementBody>) => onSave({ ...statement, ...patch });
  const domId = (field: string) => fieldDomId(`statement-${id}`, field);
  const issuesOf = (field: string) => issuesAt(issues, { statement: id }, field);
  const field = (name: string) => ({ id: domId(name), issues: issuesOf(name) });
  const text = (key: 'text' | 'explainer', lang: keyof DraftText, value: string) =>
    set({
      [key]: { ...statement[key], [lang]: value === '' && lang !== 'sv' ? undefined : value },
    });
  const easy = statement.easy ?? { text: '', explainer: '' };
  const setEasy = (patch: Partial<typeof easy>) => {
    const next = { ...easy, ...patch };
    set({ easy: next.text === '' && next.explainer === '' ? undefined : next });
  };
  const rest = otherIssues(issues, { statement: id }, SHOWN);
  // The translations open while the check misses one, and stay open once its issue is gone:
  // closing them then would hide the field under the editor's cursor mid-word.
  const translationIssues = issuesOf('text.en').length + issuesOf('explainer.en').length > 0;
  const [translationsOpen, setTranslationsOpen] = useState(translationIssues);
  if (translationIssues && !translationsOpen) setTranslationsOpen(true);
  return (
    <div className="wb-form">
      {rest.length > 0 && (
        <ul className="wb-issues" aria-label={t('field.issues')}>
          {rest.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <Field
        {...field('text.sv')}
        lang="sv"
        multiline
        label={t('statement.text')}
        value={statement.text.sv}
        onChange={(v) => text('text', 'sv', v)}
      />
      <Field
        {...field('explainer.sv')}
        lang="sv"
        multiline
        label={t('statement.explainer')}
        value={statement.explainer.sv}
        onChange={(v) => text('explainer', 'sv', v)}
      />
      <StatementChoices
        domId={domId}
        statement={statement}
        meta={meta}
        issuesOf={issuesOf}
        set={set}
      />
      <Field
        {...field('order')}
        type="number"
        label={t('statement.order')}
        value={String(statement.order)}
        onChange={(v) => set({ order: Number(v) || 0 })}
      />
      <fieldset>
        <legend>{t('statement.easyHeading')}</legend>
        <Field
          {...field('easy.text')}
          lang="sv"
          multiline
          label={t('statement.easyText')}
          value={easy.text}
          onChange={(v) => setEasy({ text: v })}
          after={<Counts text={easy.text} />}
        />
        <Field
          {...field('easy.explainer')}
          lang="sv"
          multiline
          label={t('statement.easyExplainer')}
          value={easy.explainer}
          onChange={(v) => setEasy({ explainer: v })}
          after={<Counts text={easy.explainer} />}
        />
      </fieldset>
      <details
        open={translationsOpen || translationIssues}
        onToggle={(e) => setTranslationsOpen(e.currentTarget.open)}
      >
        <summary>{t('statement.translations')}</summary>
        {(['en', 'ar'] as const).map((lang) => (
          <div key={lang}>
            <Field
              {...field(`text.${lang}`)}
              multiline
              optional
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              label={`${t('statement.text')} ${t(`field.${lang}`)}`}
              value={statement.text[lang] ?? ''}
              onChange={(v) => text('text', lang, v)}
            />
            <Field
              {...field(`explainer.${lang}`)}
              multiline
              optional
              lang={lang}
              dir={lang === 'ar' ? 'rtl' : 'ltr'}
              label={`${t('statement.explainer')} ${t(`field.${lang}`)}`}
              value={statement.explainer[lang] ?? ''}
              onChange={(v) => text('explainer', lang, v)}
            />
          </div>
        ))}
      </details>
    </div>
  );
}
