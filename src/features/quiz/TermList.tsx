import { useTranslation } from 'react-i18next';
import type { GlossaryEntry } from '../../domain/bank/types.ts';
import { fallbackLang, localized } from '../../i18n/localized.ts';

/** The glossary entries a statement uses, each explained in place on demand. */
export function TermList({ terms }: { terms: readonly GlossaryEntry[] }) {
  const { t, i18n } = useTranslation();
  if (terms.length === 0) return null;
  return (
    <section className="terms" aria-labelledby="terms-heading">
      <h2 id="terms-heading" className="small-heading">
        {t('quiz.terms')}
      </h2>
      <ul>
        {terms.map((term) => (
          <li key={term.id} {...fallbackLang(term.term, i18n.language)}>
            <details>
              <summary>{localized(term.term, i18n.language)}</summary>
              <p id={`term-${term.id}`}>{localized(term.definition, i18n.language)}</p>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
