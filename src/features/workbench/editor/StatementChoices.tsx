import type { MetaBody, StatementBody } from '../../../domain/workbench/api.ts';
import { useWt } from '../ui/use-wt.ts';

function Issues({ id, issues }: { id: string; issues: readonly string[] }) {
  if (issues.length === 0) return null;
  return (
    <ul id={id} className="wb-issues">
      {issues.map((m) => (
        <li key={m}>{m}</li>
      ))}
    </ul>
  );
}

/** A statement's theme, direction and glossary terms: chosen from the compass's own lists. */
export function StatementChoices({
  domId,
  statement,
  meta,
  issuesOf,
  set,
}: {
  domId: (field: string) => string;
  statement: StatementBody;
  meta: MetaBody | null;
  issuesOf: (field: string) => string[];
  set: (patch: Partial<StatementBody>) => void;
}) {
  const { t } = useWt();
  const described = (field: string) =>
    issuesOf(field).length > 0 ? `${domId(field)}-issues` : undefined;
  return (
    <>
      <div className="wb-field">
        <label htmlFor={domId('theme')}>{t('statement.theme')}</label>
        <select
          id={domId('theme')}
          value={statement.theme}
          aria-describedby={described('theme')}
          aria-invalid={issuesOf('theme').length > 0 || undefined}
          onChange={(e) => set({ theme: e.target.value })}
        >
          <option value="">{t('statement.noTheme')}</option>
          {(meta?.themes ?? []).map((theme) => (
            <option key={theme.id} value={theme.id}>
              {theme.name.sv || theme.id}
            </option>
          ))}
        </select>
        <Issues id={`${domId('theme')}-issues`} issues={issuesOf('theme')} />
      </div>
      <fieldset id={domId('direction')} aria-describedby={described('direction')}>
        <legend>{t('statement.direction')}</legend>
        {(['more', 'less'] as const).map((direction) => (
          <label key={direction} className="wb-choice">
            <input
              type="radio"
              name={domId('direction')}
              checked={statement.direction === direction}
              onChange={() => set({ direction })}
            />{' '}
            {t(direction === 'more' ? 'statement.more' : 'statement.less')}
          </label>
        ))}
        <Issues id={`${domId('direction')}-issues`} issues={issuesOf('direction')} />
      </fieldset>
      {(meta?.glossary.length ?? 0) > 0 && (
        <fieldset id={domId('terms')} aria-describedby={described('terms')}>
          <legend>
            {t('statement.terms')} {t('field.optional')}
          </legend>
          {meta!.glossary.map((term) => (
            <label key={term.id} className="wb-choice">
              <input
                type="checkbox"
                checked={statement.terms.includes(term.id)}
                onChange={(e) =>
                  set({
                    terms: e.target.checked
                      ? [...statement.terms, term.id]
                      : statement.terms.filter((x) => x !== term.id),
                  })
                }
              />{' '}
              {term.term.sv || term.id}
            </label>
          ))}
          <Issues id={`${domId('terms')}-issues`} issues={issuesOf('terms')} />
        </fieldset>
      )}
    </>
  );
}
