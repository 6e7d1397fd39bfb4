import './coding.css';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CodingBody,
  CodingJson,
  PartyBody,
  ProgrammeInfo,
  StatementBody,
} from '../../../domain/workbench/api.ts';
import type { QuoteRange } from '../../../domain/workbench/quotes.ts';
import { ChosenQuote } from './ChosenQuote.tsx';
import { CodingForm } from './CodingForm.tsx';
import { ProgrammePanel } from './ProgrammePanel.tsx';
import type { SaveState } from './save-state.ts';
import { StatementCard } from './StatementCard.tsx';

export interface CodingViewProps {
  readonly statement: StatementBody & { readonly id: string };
  readonly party: PartyBody & { readonly id: string };
  /** The party's programme, null before the editor has added it. */
  readonly programme: ProgrammeInfo | null;
  /** The coder's own stored coding of this cell, null before the first save. */
  readonly coding: CodingJson | null;
  readonly saveState: SaveState;
  readonly onSave: (body: CodingBody) => void;
  /** This cell's place among the coder's cells, 1-based: "12 av 30". */
  readonly progress: { readonly index: number; readonly total: number };
  /** Absent at the first (last) cell. */
  readonly onPrevious?: () => void;
  readonly onNext?: () => void;
}

/** The quote a stored coding still has: none when lost with a replaced programme. */
function storedQuote(
  coding: CodingJson | null,
  programme: ProgrammeInfo | null,
): QuoteRange | null {
  if (!coding?.quote || coding.quoteLost || !programme) return null;
  const { start, end } = coding.quote;
  return { start, end, text: programme.text.slice(start, end) };
}

function CodingCell({ statement, party, programme, coding, saveState, onSave }: CodingViewProps) {
  const { t } = useTranslation('workbenchCoding');
  const [quote, setQuote] = useState(() => storedQuote(coding, programme));
  const chosen = useRef<HTMLDivElement>(null);
  // The button that set or removed the quote is gone afterwards: keep focus near, on the quote.
  const choose = (next: QuoteRange | null, moveFocus = true) => {
    setQuote(next);
    if (moveFocus) chosen.current?.focus();
  };
  return (
    // The programme comes before the form: a coder finds the passage, then codes it. On a wide
    // screen it stands beside both (coding.css), on a phone between them.
    <div className="coding-cell">
      <div className="coding-about">
        <StatementCard statement={statement} />
        {coding?.quoteLost && (
          <div className="coding-warning" role="alert">
            <p>{t('cell.quoteLost')}</p>
            {coding.quoteText && (
              <p>
                {t('cell.oldQuote')} <q lang="sv">{coding.quoteText}</q>
              </p>
            )}
          </div>
        )}
        {!programme && <p className="coding-warning">{t('cell.noProgramme')}</p>}
      </div>
      {programme && <ProgrammePanel party={party.name} programme={programme} onQuote={choose} />}
      <div className="coding-side">
        <ChosenQuote ref={chosen} quote={quote} onClear={() => choose(null)} />
        <CodingForm
          coding={coding}
          quote={quote}
          quotable={programme !== null}
          saveState={saveState}
          onSave={onSave}
        />
      </div>
    </div>
  );
}

/**
 * One cell (a statement × a party) for a coder: the statement, the party's programme to quote
 * from, and the coding. Moving to another cell starts afresh and puts focus on its heading, so
 * keyboard and screen-reader users land at the top of the new cell.
 */
export function CodingView(props: CodingViewProps) {
  const { t } = useTranslation('workbenchCoding');
  const { statement, party, progress, onPrevious, onNext } = props;
  const cell = `${statement.id}/${party.id}`;
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(cell);
  useEffect(() => {
    if (shown.current === cell) return;
    shown.current = cell;
    heading.current?.focus();
  }, [cell]);
  return (
    <article className="coding-view">
      <nav className="coding-nav" aria-label={t('cell.navigation')}>
        <p>{t('cell.progress', progress)}</p>
        <button type="button" onClick={onPrevious} disabled={!onPrevious}>
          {t('cell.previous')}
        </button>
        <button type="button" onClick={onNext} disabled={!onNext}>
          {t('cell.next')}
        </button>
      </nav>
      <h2 ref={heading} tabIndex={-1}>
        {party.name}: <span lang="sv">{statement.text.sv}</span>
      </h2>
      <CodingCell key={cell} {...props} />
    </article>
  );
}
