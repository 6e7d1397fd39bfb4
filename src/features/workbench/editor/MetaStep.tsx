import { useState } from 'react';
import type { MetaBody } from '../../../domain/workbench/api.ts';
import type { DraftIssue } from '../../../domain/workbench/draft.ts';
import { Field } from '../ui/Field.tsx';
import { useWt } from '../ui/use-wt.ts';
import { EMPTY_META } from './draft-of-view.ts';
import { fieldDomId, issuesAt } from './issues.ts';
import { GlossaryList, ThemeList } from './MetaLists.tsx';

/**
 * The rules a newsroom sets for its compass's size: a small municipality's programmes may carry
 * fewer statements and themes. The balance rules (coverage, "less" statements, a yes-sayer's top
 * match) are the method's and are not offered: they are what makes a compass fair.
 */
const SIZE_RULES = ['minStatements', 'maxStatements', 'minThemes'] as const;

/** Step 1, the compass's settings (MetaBody): every change is saved as the whole settings. */
export function MetaStep({
  meta,
  issues,
  onSave,
}: {
  meta: MetaBody | null;
  issues: readonly DraftIssue[];
  onSave: (meta: MetaBody) => void;
}) {
  const { t } = useWt();
  const m = meta ?? EMPTY_META;
  const set = (patch: Partial<MetaBody>) => onSave({ ...m, ...patch });
  const optional = (key: 'region' | 'electionDate', value: string) => {
    const rest = Object.fromEntries(Object.entries(m).filter(([k]) => k !== key)) as MetaBody;
    onSave(value === '' ? rest : { ...rest, [key]: value });
  };
  const field = (name: string) => ({
    id: fieldDomId('meta', name),
    issues: issuesAt(issues, {}, name),
  });
  return (
    <div className="wb-form">
      <Field
        {...field('id')}
        label={t('meta.id')}
        hint={t('meta.idHint')}
        value={m.id}
        onChange={(id) => set({ id })}
      />
      <Field
        {...field('title.sv')}
        lang="sv"
        label={`${t('meta.title')} ${t('field.sv')}`}
        value={m.title.sv}
        onChange={(sv) => set({ title: { ...m.title, sv } })}
      />
      <Field
        {...field('title.en')}
        label={`${t('meta.title')} ${t('field.en')}`}
        lang="en"
        value={m.title.en ?? ''}
        onChange={(en) => set({ title: { ...m.title, en } })}
      />
      <Field
        {...field('description.sv')}
        lang="sv"
        multiline
        label={`${t('meta.description')} ${t('field.sv')}`}
        value={m.description.sv}
        onChange={(sv) => set({ description: { ...m.description, sv } })}
      />
      <Field
        {...field('description.en')}
        multiline
        lang="en"
        label={`${t('meta.description')} ${t('field.en')}`}
        value={m.description.en ?? ''}
        onChange={(en) => set({ description: { ...m.description, en } })}
      />
      <Field
        {...field('municipality')}
        label={t('meta.municipality')}
        value={m.municipality}
        onChange={(municipality) => set({ municipality })}
      />
      <Field
        {...field('region')}
        optional
        label={t('meta.region')}
        value={m.region ?? ''}
        onChange={(v) => optional('region', v)}
      />
      <Field
        {...field('electionDate')}
        optional
        type="date"
        label={t('meta.electionDate')}
        value={m.electionDate ?? ''}
        onChange={(v) => optional('electionDate', v)}
      />
      <fieldset className="wb-rules">
        <legend>{t('meta.rules')}</legend>
        <p className="wb-hint">{t('meta.rulesHint')}</p>
        {SIZE_RULES.map((rule) => (
          <RuleField
            key={rule}
            {...field(`rules.${rule}`)}
            label={t(`meta.${rule}`)}
            value={m.rules[rule]}
            onChange={(n) => set({ rules: { ...m.rules, [rule]: n } })}
          />
        ))}
      </fieldset>
      <ThemeList themes={m.themes} issues={issues} onChange={(themes) => set({ themes })} />
      <GlossaryList
        glossary={m.glossary}
        issues={issues}
        onChange={(glossary) => set({ glossary })}
      />
    </div>
  );
}

/**
 * A whole number of at least 1: what is typed stays in the field while it is not one yet (an
 * emptied field while typing a new number), and only a whole number is saved.
 */
function RuleField({
  value,
  onChange,
  ...rest
}: Omit<Parameters<typeof Field>[0], 'value' | 'onChange' | 'type'> & {
  value: number;
  onChange: (value: number) => void;
}) {
  const [typed, setTyped] = useState<string | null>(null);
  return (
    <Field
      {...rest}
      type="number"
      value={typed ?? String(value)}
      onChange={(v) => {
        const n = Number(v);
        const whole = v.trim() !== '' && Number.isInteger(n) && n >= 1;
        setTyped(whole ? null : v);
        if (whole) onChange(n);
      }}
    />
  );
}
