import { useTranslation } from 'react-i18next';
import type { Language } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { localized } from '../../i18n/localized.ts';
import { PrintHead } from './PrintHead.tsx';

/** `ordlista`: every glossary term with its definition, alphabetical in the material's language. */
export function GlossarySheet({ lng }: { lng: Language }) {
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  const collator = new Intl.Collator(lng);
  const entries = compass.glossary
    .map((entry) => ({
      id: entry.id,
      term: localized(entry.term, lng),
      definition: localized(entry.definition, lng),
    }))
    .sort((a, b) => collator.compare(a.term, b.term) || collator.compare(a.id, b.id));
  return (
    <section className="printable-sheet">
      <PrintHead name="ordlista" lng={lng} />
      <p className="lead">{t('glossary.lead', { compass: localized(compass.title, lng) })}</p>
      <dl className="glossary-list">
        {entries.map((entry) => (
          <div key={entry.id} className="glossary-entry">
            <dt>{entry.term}</dt>
            <dd>{entry.definition}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
