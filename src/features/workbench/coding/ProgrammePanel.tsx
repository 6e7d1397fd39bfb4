import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProgrammeInfo } from '../../../domain/workbench/api.ts';
import {
  boilerplateRanges,
  quoteFromSelection,
  type QuoteRange,
  type SelectionResult,
} from '../../../domain/workbench/quotes.ts';
import { ProgrammeSearch } from './ProgrammeSearch.tsx';
import { ProgrammeText } from './ProgrammeText.tsx';
import { selectionOffsets } from './selection-offsets.ts';
import { SelectionFeedback } from './SelectionFeedback.tsx';
import { SentencePicker } from './SentencePicker.tsx';
import { useProgrammeSearch } from './use-programme-search.ts';

interface ProgrammePanelProps {
  readonly party: string;
  readonly programme: ProgrammeInfo;
  /** A quote chosen; `moveFocus` when the control that chose it goes away (the selection's button). */
  readonly onQuote: (quote: QuoteRange, moveFocus: boolean) => void;
}

/**
 * A party's programme to quote from: searchable, boilerplate dimmed, and two ways to a quote:
 * select a passage (mouse or touch) and use it, or search and choose a sentence (keyboard).
 */
export function ProgrammePanel({ party, programme, onQuote }: ProgrammePanelProps) {
  const { t } = useTranslation('workbenchCoding');
  const headingId = useId();
  const { text, boilerplate } = programme;
  const cut = useMemo(() => boilerplateRanges(text, boilerplate), [text, boilerplate]);
  const search = useProgrammeSearch(text);
  const textRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const [candidate, setCandidate] = useState<SelectionResult | null>(null);

  // Only a selection inside the text counts; clicking elsewhere (the button) keeps the last one.
  const readSelection = () => {
    const container = textRef.current;
    const span = container && selectionOffsets(container, document.getSelection());
    if (span) setCandidate(quoteFromSelection(text, span.start, span.end, boilerplate));
  };
  useEffect(() => {
    document.addEventListener('selectionchange', readSelection);
    return () => document.removeEventListener('selectionchange', readSelection);
  });

  const { current, query } = search;
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    textRef.current?.querySelector(`[data-match="${current}"]`)?.scrollIntoView?.({
      block: 'nearest',
    });
  }, [current, query]);

  const adopt = (quote: QuoteRange, moveFocus: boolean) => {
    onQuote(quote, moveFocus);
    setCandidate(null);
    document.getSelection()?.removeAllRanges();
  };

  return (
    <section className="coding-programme" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('programme.heading', { party })}</h3>
      <p className="coding-hint">{t('programme.selectHint')}</p>
      {cut.length > 0 && <p className="coding-hint">{t('programme.boilerplate')}</p>}
      <ProgrammeSearch search={search} onDown={() => listRef.current?.focus()} />
      <SentencePicker
        key={search.query}
        text={text}
        boilerplate={cut}
        query={search.query}
        ref={listRef}
        onChoose={(sentence) => {
          const result = quoteFromSelection(text, sentence.start, sentence.end, boilerplate);
          if (result.ok) adopt(result.quote, false);
          else setCandidate(result);
        }}
      />
      <ProgrammeText
        ref={textRef}
        text={text}
        boilerplate={cut}
        matches={search.matches}
        current={search.current}
        label={t('programme.text')}
        onSelectEnd={readSelection}
      />
      {/* Below the text: feedback appearing above it would move the text under a drag. */}
      <SelectionFeedback candidate={candidate} onUse={(quote) => adopt(quote, true)} />
    </section>
  );
}
