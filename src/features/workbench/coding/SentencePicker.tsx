import { type KeyboardEvent, type Ref, useEffect, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MIN_QUOTE_LENGTH, normalizeSpace } from '../../../domain/bank/quotes.ts';
import { type QuoteRange, sentencesOf } from '../../../domain/workbench/quotes.ts';
import { containsQuery, overlaps, type Span } from './programme-segments.ts';

/** At most this many sentences are listed. */
export const MAX_SHOWN = 50;

interface SentencePickerProps {
  readonly text: string;
  readonly boilerplate: readonly Span[];
  readonly query: string;
  readonly ref?: Ref<HTMLUListElement>;
  readonly onChoose: (sentence: QuoteRange) => void;
}

/**
 * The keyboard's way to a quote: the programme's sentences that contain the search text (none
 * in boilerplate, none too short to quote), as a listbox; arrow keys move, Enter (or a click) chooses the sentence.
 */
export function SentencePicker({ text, boilerplate, query, ref, onChoose }: SentencePickerProps) {
  const { t } = useTranslation('workbenchCoding');
  const id = useId();
  // Only sentences that can be quotes: long enough, as the bank counts.
  const all = useMemo(
    () => sentencesOf(text).filter((s) => normalizeSpace(s.text).length >= MIN_QUOTE_LENGTH),
    [text],
  );
  const found = useMemo(
    () => all.filter((s) => containsQuery(s.text, query) && !overlaps(s, boilerplate)),
    [all, query, boilerplate],
  );
  // A list of hundreds helps no one and slows typing: the first ones, and a word on narrowing.
  const sentences = found.slice(0, MAX_SHOWN);
  const [active, setActive] = useState(0);
  const at = Math.max(0, Math.min(active, sentences.length - 1));
  useEffect(() => {
    // jsdom has no scrollIntoView; browsers do.
    document.getElementById(`${id}-${at}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [id, at]);
  if (query.trim().length < 2) return null;
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowDown: Math.min(at + 1, sentences.length - 1),
      ArrowUp: Math.max(at - 1, 0),
      Home: 0,
      End: sentences.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      setActive(moves[event.key]!);
    } else if (event.key === 'Enter' && sentences[at]) {
      event.preventDefault();
      onChoose(sentences[at]);
    }
  };
  return (
    <div className="coding-sentences">
      <p id={`${id}-label`} className="coding-sentences-label">
        {t('sentences.label')}
      </p>
      <p id={`${id}-hint`} className="coding-hint">
        {sentences.length === 0 ? t('sentences.none') : t('sentences.hint')}
      </p>
      {found.length > MAX_SHOWN && (
        <p className="coding-hint">
          {t('sentences.more', { shown: MAX_SHOWN, count: found.length })}
        </p>
      )}
      {sentences.length > 0 && (
        <ul
          ref={ref}
          role="listbox"
          tabIndex={0}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-hint`}
          aria-activedescendant={`${id}-${at}`}
          onKeyDown={onKeyDown}
        >
          {sentences.map((s, i) => (
            <li
              key={s.start}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === at}
              lang="sv"
              onClick={() => {
                setActive(i);
                onChoose(s);
              }}
            >
              {s.text}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
