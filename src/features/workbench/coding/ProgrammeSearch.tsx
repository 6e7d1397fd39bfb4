import { type KeyboardEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { useProgrammeSearch } from './use-programme-search.ts';

interface ProgrammeSearchProps {
  readonly search: ReturnType<typeof useProgrammeSearch>;
  /** Arrow down in the field: on to the sentences found. */
  readonly onDown: () => void;
}

/** The search field over a programme: Enter steps to the next match, Shift+Enter back. */
export function ProgrammeSearch({ search, onDown }: ProgrammeSearchProps) {
  const { t } = useTranslation('workbenchCoding');
  const id = useId();
  const count = search.matches.length;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      if (event.shiftKey) search.previous();
      else search.next();
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      onDown();
    }
  };
  const status =
    search.query.trim().length < 2
      ? ''
      : count === 0
        ? t('programme.noMatches')
        : `${t('programme.matches', { count })}. ${t('programme.matchOf', { index: search.current + 1, count })}`;
  return (
    <div className="coding-search">
      <label htmlFor={id}>{t('programme.search')}</label>
      <div className="coding-search-row">
        <input
          id={id}
          type="search"
          value={search.query}
          onChange={(e) => search.setQuery(e.target.value)}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-status`}
        />
        <button type="button" onClick={search.previous} disabled={count === 0}>
          {t('programme.previousMatch')}
        </button>
        <button type="button" onClick={search.next} disabled={count === 0}>
          {t('programme.nextMatch')}
        </button>
      </div>
      <p id={`${id}-status`} role="status" className="coding-hint">
        {status}
      </p>
    </div>
  );
}
