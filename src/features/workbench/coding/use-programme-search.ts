import { useMemo, useState } from 'react';
import { searchMatches } from './programme-segments.ts';

/** The programme's search: the text typed, its matches, and the one stepped to. */
export function useProgrammeSearch(text: string) {
  const [query, setQueryState] = useState('');
  const [current, setCurrent] = useState(0);
  const matches = useMemo(() => searchMatches(text, query), [text, query]);
  const count = matches.length;
  const setQuery = (next: string) => {
    setQueryState(next);
    setCurrent(0);
  };
  const step = (by: 1 | -1) => {
    if (count > 0) setCurrent((i) => (i + by + count) % count);
  };
  return {
    query,
    setQuery,
    matches,
    /** Index of the match stepped to, -1 without matches. */
    current: count === 0 ? -1 : Math.min(current, count - 1),
    next: () => step(1),
    previous: () => step(-1),
  };
}
