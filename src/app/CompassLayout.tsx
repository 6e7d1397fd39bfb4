import { type ReactNode, Suspense, useEffect, useLayoutEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate, useParams } from 'react-router';
import { CompassGate } from '../components/CompassGate.tsx';
import { COMPASSES, isServedCompass } from '../config/compasses.ts';
import type { Language } from '../config/languages.ts';
import { CompassProvider } from '../context/compass-context.tsx';
import { useEmbed } from '../context/embed-context.tsx';
import { ScopeProvider, useScope } from '../context/scope-context.tsx';
import { useCompassLoad } from '../data/use-compass.ts';
import { type Compass, compassLanguages } from '../domain/bank/types.ts';
import { readHandover } from '../domain/share-link/answer-handover.ts';
import { readingLanguage } from '../i18n/reading.ts';
import { useAnswers } from '../state/answers-store.ts';
import { Layout } from './Layout.tsx';
import { lazyPage } from './lazy-page.tsx';
import { PageErrorBoundary } from './PageError.tsx';
import { Started } from './Started.tsx';

/**
 * The bridge to a news site's page around an embedded compass (its height, the voter's progress):
 * loaded only inside such a frame, which starts fetching it at once (main.tsx), so that visitors
 * of the site itself do not load it with the start page.
 */
export const EmbedBridge = lazyPage(
  () => import('../features/embed/EmbedBridge.tsx'),
  'EmbedBridge',
);

/**
 * Whatever the address names that this site was not built with: a compass published on the
 * service since, the list of every compass, or an old link or a mistake. A chunk of its own, so
 * that the start page does not carry it.
 */
const Unbuilt = lazyPage(() => import('./UnbuiltCompass.tsx'), 'UnbuiltCompass');

/** The note that a compass lacks the page's reading (in the same chunk: few compasses need it). */
const ReadingNote = lazyPage<'ReadingNote'>(() => import('./UnbuiltCompass.tsx'), 'ReadingNote');

/**
 * A compass's pages: the compass named in the address (or `id`, for the site's start page when it
 * serves only one) in the page frame, loaded and validated once, with the stored answers tied to
 * its version. An id the site was not built with is looked up on the service (UnbuiltCompass).
 */
export function CompassLayout({ id: given, children }: { id?: string; children?: ReactNode }) {
  const { t } = useTranslation();
  const param = useParams().compass;
  const id = given ?? param ?? '';
  if (isServedCompass(id)) return <CompassFrame id={id}>{children}</CompassFrame>;
  return (
    <PageErrorBoundary page={id}>
      <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
        <Unbuilt id={id}>{children}</Unbuilt>
      </Suspense>
    </PageErrorBoundary>
  );
}

/**
 * A compass (built, or published on the service and found there) in the page frame, which offers
 * only the languages the compass is written in (`languages`; a built compass's from the build).
 * A built compass read in a language it lacks shows its Swedish texts and says so (ReadingNote);
 * a published one says so itself (UnbuiltCompass).
 */
export function CompassFrame({
  id,
  languages,
  children,
}: {
  id: string;
  languages?: readonly Language[];
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const scope = useScope();
  const has = languages ?? compassLanguages(COMPASSES.find((c) => c.id === id)!);
  return (
    <ScopeProvider value={{ reading: scope.reading, compass: id }}>
      <Layout languages={has}>
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          <LoadedCompass id={id}>
            {!languages && !has.includes(readingLanguage(scope.reading)) && <ReadingNote />}
            {children ?? <Outlet />}
          </LoadedCompass>
        </Suspense>
      </Layout>
    </ScopeProvider>
  );
}

function LoadedCompass({ id, children }: { id: string; children: ReactNode }) {
  const load = useCompassLoad(id);
  const embed = useEmbed();
  return (
    <CompassGate load={load}>
      {(compass) => (
        <CompassProvider value={compass}>
          <BoundAnswers compass={compass} />
          <GivenAnswer compass={compass} />
          {embed && (
            <Suspense fallback={null}>
              <EmbedBridge options={embed} />
            </Suspense>
          )}
          {children}
          <Started />
        </CompassProvider>
      )}
    </CompassGate>
  );
}

function BoundAnswers({ compass }: { compass: Compass }) {
  const { t } = useTranslation();
  const bindCompass = useAnswers((s) => s.bindCompass);
  const outdated = useAnswers((s) => s.outdated);
  const dismiss = useAnswers((s) => s.dismissOutdated);
  // Before anything can be answered on the page: a layout effect runs as the page is committed.
  useLayoutEffect(
    () => bindCompass(compass.id, compass.version),
    [bindCompass, compass.id, compass.version],
  );
  if (!outdated) return null;
  return (
    <div className="notice" role="status">
      <p>{t('answers.outdated')}</p>
      <button type="button" onClick={dismiss}>
        {t('answers.dismiss')}
      </button>
    </div>
  );
}

/**
 * An answer handed over in the URL fragment (from the single-statement widget; the format is in
 * answer-handover.ts): stored if the compass has that statement, then the fragment is dropped,
 * readable or not. Never in the path or query.
 */
function GivenAnswer({ compass }: { compass: Compass }) {
  const { hash, pathname, search } = useLocation();
  const navigate = useNavigate();
  const answer = useAnswers((s) => s.answer);
  const bound = useAnswers((s) => s.compassVersion === compass.version);
  useEffect(() => {
    if (!bound) return;
    const handover = readHandover(hash);
    if (handover.kind === 'none') return;
    if (handover.kind === 'answer' && compass.statements.some((s) => s.id === handover.statement))
      answer(handover.statement, handover.answer);
    void navigate({ pathname, search }, { replace: true });
  }, [bound, hash, pathname, search, compass, answer, navigate]);
  return null;
}
