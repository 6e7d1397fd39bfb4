import './compass-list.css';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type CompassEntry, COMPASSES } from '../../config/compasses.ts';
import { sitePaths } from '../../config/paths.ts';
import { useScope } from '../../context/scope-context.tsx';
import type { PublishedEntry } from '../../data/published-compasses.ts';
import { readingLanguage, readingPrefix } from '../../i18n/reading.ts';
import { useDebounced } from './use-debounced.ts';
import { usePublished } from './use-published.ts';

/** The longest search the service takes (`q`, src/server/published/plugin.ts). */
const SEARCH_MAX_LENGTH = 200;

/** How long typing must pause before the list is searched. */
const SEARCH_PAUSE_MS = 300;

/** Lower case, and å, ä, ö composed alike whichever way they were typed. */
const fold = (text: string) => text.toLocaleLowerCase('sv').normalize('NFC');

/** Whether a built compass matches the search: by its title or description, in any language. */
const builtMatches = (compass: CompassEntry, query: string): boolean =>
  query === '' ||
  [compass.title, compass.description].some((text) =>
    Object.values(text).some((words) => typeof words === 'string' && fold(words).includes(query)),
  );

/**
 * Every compass: those this site was built with, and those newsrooms have published on the
 * service since (`/api/compasses`), searchable by municipality, region and title, a page at a
 * time. A static site without the service lists its built compasses only, and says so.
 */
export function CompassDirectory() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), SEARCH_PAUSE_MS);
  const published = usePublished(query);
  const built = COMPASSES.filter((compass) => builtMatches(compass, fold(query)));
  const ids = new Set(built.map((compass) => compass.id));
  const rows = published.rows.filter((row) => !ids.has(row.id));
  const searchId = useId();
  const hintId = useId();
  const settled = published.status !== 'loading' && query === text.trim();
  const found = built.length + (published.status === 'ok' ? published.total : 0);
  return (
    <>
      <h1>{t('compassDirectory.title')}</h1>
      <p className="lead">{t('compassDirectory.intro')}</p>
      <div role="search" className="compass-search">
        <label htmlFor={searchId}>{t('compassDirectory.search')}</label>
        <input
          id={searchId}
          type="search"
          value={text}
          autoComplete="off"
          maxLength={SEARCH_MAX_LENGTH}
          aria-describedby={hintId}
          onChange={(event) => setText(event.target.value)}
        />
        <p id={hintId} className="hint">
          {t('compassDirectory.searchHint')}
        </p>
      </div>
      {/* Polite: read out once the list has settled, without interrupting the typing. */}
      <p role="status" className="compass-count">
        {settled ? t('compassDirectory.found', { n: found }) : t('compassDirectory.searching')}
      </p>
      <h2>{t('compassDirectory.built')}</h2>
      {built.length === 0 ? (
        <p>{t('compassDirectory.noneBuilt')}</p>
      ) : (
        <ul className="compass-list">
          {built.map((compass) => (
            <Row key={compass.id} id={compass.id} title={compass.title}>
              <p>
                <LocalizedText text={compass.description} />
              </p>
            </Row>
          ))}
        </ul>
      )}
      <h2>{t('compassDirectory.published')}</h2>
      <PublishedRows published={published} rows={rows} />
    </>
  );
}

function PublishedRows({
  published,
  rows,
}: {
  published: ReturnType<typeof usePublished>;
  rows: readonly PublishedEntry[];
}) {
  const { t } = useTranslation();
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    // After "show more", to the first of the new rows, so a keyboard user goes on from there.
    const from = focusFrom.current;
    if (from === null || published.status === 'loading') return;
    focusFrom.current = null;
    list.current?.querySelectorAll<HTMLAnchorElement>('h3 a')[from]?.focus();
  }, [rows.length, published.status]);
  if (published.status === 'none')
    return <p className="notice">{t('compassDirectory.noService')}</p>;
  if (published.status === 'failed')
    return (
      <div className="notice" role="alert">
        <p>{t('compassDirectory.failed')}</p>
        <button type="button" onClick={published.retry}>
          {t('compassDirectory.retry')}
        </button>
      </div>
    );
  if (published.status === 'ok' && rows.length === 0)
    return <p>{t('compassDirectory.nonePublished')}</p>;
  return (
    <>
      <ul className="compass-list" ref={list}>
        {rows.map((row) => (
          <Row key={row.id} id={row.id} title={row.title}>
            <p className="hint">
              {row.region ? `${row.municipality}, ${row.region}` : row.municipality}
            </p>
            <p>
              <LocalizedText text={row.description} />
            </p>
            <OnlyIn languages={row.languages} />
          </Row>
        ))}
      </ul>
      {rows.length < published.total && (
        <button
          type="button"
          disabled={published.status === 'loading'}
          onClick={() => {
            focusFrom.current = rows.length;
            published.more();
          }}
        >
          {t('compassDirectory.more', { shown: rows.length, total: published.total })}
        </button>
      )}
    </>
  );
}

type Texts = CompassEntry['title'] | PublishedEntry['title'];

/** A text in the page's language, else in Swedish, marked as such. */
function LocalizedText({ text }: { text: Texts }) {
  const { i18n } = useTranslation();
  const own = text[i18n.language.split('-')[0] as 'sv' | 'en' | 'ar'];
  return own ? own : <span lang="sv">{text.sv}</span>;
}

/** One compass of the list: its title, a link to its start page in the page's reading. */
function Row({ id, title, children }: { id: string; title: Texts; children: ReactNode }) {
  const { reading } = useScope();
  return (
    <li>
      <h3>
        <Link to={sitePaths(readingPrefix(reading), id).home}>
          <LocalizedText text={title} />
        </Link>
      </h3>
      {children}
    </li>
  );
}

/** Says in which languages a published compass is written, when the page's is not one of them. */
function OnlyIn({ languages }: { languages: PublishedEntry['languages'] }) {
  const { t } = useTranslation();
  const { reading } = useScope();
  if (languages.includes(readingLanguage(reading))) return null;
  return <p className="hint">{t('compassDirectory.inSwedish')}</p>;
}
