import { Fragment, type ReactNode, use, useLayoutEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { NotFound } from '../../components/NotFound.tsx';
import { useHydrated } from '../../components/use-hydrated.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { programmeTexts } from '../../data/load-programmes.ts';
import { locateQuote } from '../../domain/bank/quotes.ts';
import { localized } from '../../i18n/localized.ts';

/** A malformed %-escape in a hand-edited link must not crash the page. */
function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

interface Mark {
  readonly start: number;
  readonly end: number;
  /** Every statement the passage was quoted for (a passage can back several). */
  readonly statements: string[];
}

/**
 * A party's programme, verbatim, with every cited passage marked; a link to a quote
 * (`/program/<party>#<statement>`) lands on that statement's passage, highlighted and focused.
 */
export function ProgrammePage() {
  const paths = usePaths();
  const { t, i18n } = useTranslation();
  const compass = useCompass();
  const partyId = useParams().party ?? '';
  // The passage asked for is in the fragment, which a prerendered page cannot know: it is marked
  // once the page has hydrated, so the first render matches the page's HTML.
  const hash = useLocation().hash;
  const target = useHydrated() ? safeDecode(hash.replace(/^#/, '')) : '';
  const party = compass.parties.find((p) => p.id === partyId);
  const programmes = use(programmeTexts.read(compass.id));
  const current = useRef<HTMLElement>(null);

  const text = party && programmes ? programmes[party.id] : undefined;
  const marks = useMemo(() => {
    if (!party || text === undefined) return [];
    const found: Mark[] = [];
    for (const s of compass.statements)
      for (const quote of s.stances[party.id]?.quotes ?? []) {
        const at = locateQuote(text, quote);
        if (!at) continue;
        // A passage quoted again (or overlapping one already marked) is marked once, for every
        // statement it backs, so a link from any of them lands on it.
        const overlap = found.find((m) => m.start < at.end && at.start < m.end);
        if (!overlap) found.push({ ...at, statements: [s.id] });
        else if (!overlap.statements.includes(s.id)) overlap.statements.push(s.id);
      }
    return found.sort((a, b) => a.start - b.start);
  }, [compass, party, text]);

  // In the same commit as the text, so the reader never sees the page before it jumps.
  useLayoutEffect(() => {
    current.current?.scrollIntoView({ block: 'center' });
    current.current?.focus();
  }, [marks, target]);

  if (!party) return <NotFound />;
  const lang = i18n.language;
  const targetStatement = compass.statements.find((s) => s.id === target);
  let firstTarget = true;
  const pieces: ReactNode[] = [];
  let at = 0;
  for (const mark of marks) {
    pieces.push(<Fragment key={`t${at}`}>{text!.slice(at, mark.start)}</Fragment>);
    const isTarget = mark.statements.includes(target);
    const titles = mark.statements.map((id) =>
      localized(compass.statements.find((s) => s.id === id)!.text, lang),
    );
    pieces.push(
      <mark
        key={`m${mark.start}`}
        id={isTarget && firstTarget ? 'current-quote' : undefined}
        className={isTarget ? 'current' : undefined}
        tabIndex={isTarget && firstTarget ? -1 : undefined}
        ref={isTarget && firstTarget ? current : undefined}
        title={titles.join(' · ')}
      >
        {text!.slice(mark.start, mark.end)}
      </mark>,
    );
    if (isTarget) firstTarget = false;
    at = mark.end;
  }
  if (text !== undefined) pieces.push(<Fragment key="end">{text.slice(at)}</Fragment>);

  return (
    <>
      <h1>{t('programme.title', { name: party.name, municipality: party.municipality })}</h1>
      <p>
        {t('programme.intro')}{' '}
        <a href={party.source.url} rel="noreferrer noopener" target="_blank">
          {t('programme.original')}
        </a>
      </p>
      {targetStatement && (
        <p className="notice">
          {t('programme.showing', { statement: localized(targetStatement.text, lang) })}
        </p>
      )}
      {(programmes === null || (programmes && text === undefined)) && (
        <p role="alert">{t('programme.failed')}</p>
      )}
      {text !== undefined && (
        <div className="programme-text" lang="sv">
          {pieces}
        </div>
      )}
      <p>
        <Link to={paths.results}>{t('party.back')}</Link>
      </p>
    </>
  );
}
