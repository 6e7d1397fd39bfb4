import { useTranslation } from 'react-i18next';
import type { QuoteRange, SelectionResult } from '../../../domain/workbench/quotes.ts';

interface SelectionFeedbackProps {
  readonly candidate: SelectionResult | null;
  readonly onUse: (quote: QuoteRange) => void;
}

/** What the selection in the programme would quote, with the button to use it, or why it cannot. */
export function SelectionFeedback({ candidate, onUse }: SelectionFeedbackProps) {
  const { t } = useTranslation('workbenchCoding');
  return (
    <div className="coding-selection" aria-live="polite">
      {candidate?.ok === true && (
        <>
          <p>
            {t('quote.selection')} <q lang="sv">{candidate.quote.text}</q>
          </p>
          <button type="button" onClick={() => onUse(candidate.quote)}>
            {t('quote.use')}
          </button>
        </>
      )}
      {candidate?.ok === false && (
        <p className="coding-refused">{t(`quote.refused.${candidate.reason}`)}</p>
      )}
    </div>
  );
}
