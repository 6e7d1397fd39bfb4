import { type ReactNode, Suspense, use, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { PageStringsGate } from '../components/PageStringsGate.tsx';
import { LANGUAGES } from '../config/languages.ts';
import { RESERVED_SEGMENTS, sitePaths } from '../config/paths.ts';
import { useCompass } from '../context/compass-context.tsx';
import { useScope } from '../context/scope-context.tsx';
import { endDraftPreview, readDraftPreview } from '../data/draft-preview.ts';
import { isCompassId } from '../data/published-compasses.ts';
import { compasses } from '../data/use-compass.ts';
import { compassLanguages } from '../domain/bank/types.ts';
import { readingLanguage, readingPrefix } from '../i18n/reading.ts';
import { CompassFrame } from './CompassLayout.tsx';
import { Layout } from './Layout.tsx';
import { LegacyOrNotFound } from './LegacyOrNotFound.tsx';

/**
 * An address whose first segment is no compass this site was built with (CompassLayout): an old
 * root-level link or a word the site reserves (LegacyOrNotFound); else a compass a newsroom published on the service since the build,
 * fetched from `/data/<id>.json` like a built one and validated by the same parser. On a static
 * site without the service that file is missing, and the address is not found.
 */
export function UnbuiltCompass({ id, children }: { id: string; children?: ReactNode }) {
  const { t } = useTranslation();
  if (RESERVED_SEGMENTS.includes(id) || !isCompassId(id)) return <LegacyOrNotFound />;
  return (
    <Suspense
      fallback={
        <Layout compassLinks={false}>
          <p role="status">{t('app.loading')}</p>
        </Layout>
      }
    >
      <PublishedCompass id={id}>{children}</PublishedCompass>
    </Suspense>
  );
}

/**
 * A published compass in the same frame as a built one, once its file is found: one that is
 * missing, or not JSON (a host that answers every address with its app shell), is not found; one
 * that could not be fetched while the browser is offline, or is there but fails validation, shows
 * the frame's message for that.
 */
function PublishedCompass({ id, children }: { id: string; children?: ReactNode }) {
  // A newsroom's draft taken as a voter in this tab is shown instead, once: the page keeps it.
  const [preview] = useState(() => {
    const draft = readDraftPreview(id);
    if (draft) compasses.seed(id, { status: 'ok', compass: draft });
    return draft !== null;
  });
  const load = use(compasses.read(id));
  const missing =
    load.status === 'unreadable' || (load.status === 'network' && navigator.onLine !== false);
  if (missing) return <LegacyOrNotFound />;
  return (
    <CompassFrame
      id={id}
      languages={load.status === 'ok' ? compassLanguages(load.compass) : LANGUAGES}
    >
      {preview && <DraftNote />}
      <ReadingNote />
      {children ?? <Outlet />}
    </CompassFrame>
  );
}

/** MissingReading, once the page's strings are here; nothing while they load. */
export function ReadingNote() {
  return (
    <Suspense fallback={null}>
      <PageStringsGate>
        <MissingReading />
      </PageStringsGate>
    </Suspense>
  );
}

/**
 * A compass has texts in Swedish; English, Arabic and easy-read Swedish only where its authors
 * wrote them (each language in all its texts or in none: the bank's rule). Where the reading asks
 * for texts the compass does not have, its pages show the Swedish ones (marked `lang="sv"`), and
 * this says so above them. The page frame does not offer such a language (CompassFrame), but an
 * address or a reading remembered on this device can still lead here.
 */
function MissingReading() {
  const { t } = useTranslation();
  const compass = useCompass();
  const { reading } = useScope();
  const language = readingLanguage(reading);
  const note =
    reading === 'lattlast'
      ? !compass.statements.some((s) => s.easy) && t('compassDirectory.noEasyRead')
      : language !== 'sv' &&
        compass.title[language] === undefined &&
        t(language === 'en' ? 'compassDirectory.noEnglish' : 'compassDirectory.noArabic');
  if (!note) return null;
  return (
    <p className="notice" role="note">
      {note}
    </p>
  );
}

/**
 * Above every page of a draft taken as a voter: that it is a draft, not published, and the way
 * back to Redaktionen, which ends the preview in this tab.
 */
function DraftNote() {
  return (
    <Suspense fallback={null}>
      <PageStringsGate>
        <DraftNoteText />
      </PageStringsGate>
    </Suspense>
  );
}

function DraftNoteText() {
  const { t } = useTranslation();
  const { reading } = useScope();
  const back = sitePaths(readingPrefix(reading), null).workbench;
  return (
    <p className="notice" role="note">
      {t('compassDirectory.draftPreview')}{' '}
      <a href={back} onClick={endDraftPreview}>
        {t('compassDirectory.draftPreviewEnd')}
      </a>
    </p>
  );
}
