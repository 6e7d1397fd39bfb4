import type { MetaBody } from '../../../domain/workbench/api.ts';
import type { DraftIssue } from '../../../domain/workbench/draft.ts';
import { Field } from '../ui/Field.tsx';
import { useWt } from '../ui/use-wt.ts';
import { fieldDomId, issuesAt } from './issues.ts';

type Theme = MetaBody['themes'][number];
type Term = MetaBody['glossary'][number];

const replaced = <T,>(list: readonly T[], index: number, item: T) =>
  list.map((x, i) => (i === index ? item : x));

/** The compass's themes: an id and a name in Swedish and English each. */
export function ThemeList({
  themes,
  issues,
  onChange,
}: {
  themes: MetaBody['themes'];
  issues: readonly DraftIssue[];
  onChange: (themes: Theme[]) => void;
}) {
  const { t } = useWt();
  return (
    <fieldset>
      <legend>{t('meta.themes')}</legend>
      {themes.map((theme, i) => {
        const scope = `theme-${i}`;
        const at = (field: string) => ({
          id: fieldDomId(scope, field),
          issues: issuesAt(issues, { theme: theme.id }, field),
        });
        const set = (patch: Partial<Theme>) =>
          onChange(replaced(themes, i, { ...theme, ...patch }));
        return (
          <div key={i} className="wb-row">
            <Field
              {...at('id')}
              label={t('meta.themeId')}
              value={theme.id}
              onChange={(id) => set({ id })}
            />
            <Field
              {...at('name.sv')}
              lang="sv"
              label={`${t('meta.themeName')} ${t('field.sv')}`}
              value={theme.name.sv}
              onChange={(sv) => set({ name: { ...theme.name, sv } })}
            />
            <Field
              {...at('name.en')}
              lang="en"
              label={`${t('meta.themeName')} ${t('field.en')}`}
              value={theme.name.en ?? ''}
              onChange={(en) => set({ name: { ...theme.name, en } })}
            />
            <button type="button" onClick={() => onChange(themes.filter((_, j) => j !== i))}>
              {t('field.remove')} <span className="visually-hidden">{theme.id}</span>
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...themes, { id: '', name: { sv: '' } }])}>
        {t('meta.addTheme')}
      </button>
    </fieldset>
  );
}

/** The glossary (optional): an id, the term and its definition. */
export function GlossaryList({
  glossary,
  issues,
  onChange,
}: {
  glossary: MetaBody['glossary'];
  issues: readonly DraftIssue[];
  onChange: (glossary: Term[]) => void;
}) {
  const { t } = useWt();
  return (
    <fieldset>
      <legend>
        {t('meta.glossary')} {t('field.optional')}
      </legend>
      <p className="wb-hint">{t('meta.glossaryHint')}</p>
      {glossary.map((term, i) => {
        const scope = `term-${i}`;
        const at = (field: string) => ({
          id: fieldDomId(scope, field),
          issues: issuesAt(issues, { term: term.id }, field),
        });
        const set = (patch: Partial<Term>) =>
          onChange(replaced(glossary, i, { ...term, ...patch }));
        return (
          <div key={i} className="wb-row">
            <Field
              {...at('id')}
              label={t('meta.termId')}
              value={term.id}
              onChange={(id) => set({ id })}
            />
            <Field
              {...at('term.sv')}
              lang="sv"
              label={t('meta.term')}
              value={term.term.sv}
              onChange={(sv) => set({ term: { ...term.term, sv } })}
            />
            <Field
              {...at('definition.sv')}
              lang="sv"
              multiline
              label={t('meta.definition')}
              value={term.definition.sv}
              onChange={(sv) => set({ definition: { ...term.definition, sv } })}
            />
            <button type="button" onClick={() => onChange(glossary.filter((_, j) => j !== i))}>
              {t('field.remove')} <span className="visually-hidden">{term.id}</span>
            </button>
          </div>
        );
      })}
      <button
        type="button"
        onClick={() =>
          onChange([...glossary, { id: '', term: { sv: '' }, definition: { sv: '' } }])
        }
      >
        {t('meta.addTerm')}
      </button>
    </fieldset>
  );
}
