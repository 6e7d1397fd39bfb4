import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { QuoteRange } from '../../../domain/workbench/quotes.ts';

interface ChosenQuoteProps {
  readonly quote: QuoteRange | null;
  readonly onClear: () => void;
  /** The box, focusable from script: focus lands here when the button that chose a quote goes. */
  readonly ref?: Ref<HTMLDivElement>;
}

/** The cell's quote as chosen, announced when it changes ("Citat valt: …"). */
export function ChosenQuote({ quote, onClear, ref }: ChosenQuoteProps) {
  const { t } = useTranslation('workbenchCoding');
  return (
    <div className="coding-chosen" ref={ref} tabIndex={-1}>
      {/* Always rendered, so screen readers hear each new quote. */}
      <p role="status" lang={quote ? 'sv' : undefined}>
        {quote ? t('quote.chosen', { text: quote.text }) : t('quote.none')}
      </p>
      {quote && (
        <button type="button" onClick={onClear}>
          {t('quote.clear')}
        </button>
      )}
    </div>
  );
}
