import { useTranslation } from 'react-i18next';
import type { Party, Stance } from '../domain/bank/types.ts';
import { confidenceKey, positionKey } from '../i18n/labels.ts';

/** One party's coded stance: position in words, how sure, the verbatim quotes and why. */
export function StanceView({ party, stance }: { party: Party; stance: Stance }) {
  const { t } = useTranslation();
  const position =
    stance.position === null ? t(positionKey(null)) : t(positionKey(stance.position));
  return (
    <li className="stance">
      <p>
        {/* An SVG fill, not a style attribute: prerendered pages allow no inline styles. */}
        <svg className="party-swatch" viewBox="0 0 2 2" aria-hidden="true">
          <circle cx="1" cy="1" r="1" fill={party.colour} />
        </svg>
        <strong>{party.short}</strong> ({party.municipality}): {position}
        {stance.position !== null && <> · {t(confidenceKey(stance.confidence))}</>}
      </p>
      {stance.quotes.map((quote) => (
        <blockquote key={quote} lang="sv" cite={party.source.url}>
          {quote}
        </blockquote>
      ))}
      {stance.position !== null && (
        <p className="rationale">
          {t('statements.rationale')} <span lang="en">{stance.rationale}</span>
        </p>
      )}
    </li>
  );
}
