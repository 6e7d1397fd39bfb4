import './teacher-round.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { deleteSession, getResults, getSession } from '../../data/classroom-client.ts';
import {
  formatJoinCode,
  normaliseJoinCode,
  type ResultsResponse,
  type SessionResponse,
} from '../../domain/classroom/index.ts';
import { teacherKeys } from '../../state/teacher-keys.ts';
import { ClassResults } from './ClassResults.tsx';
import { Confirm } from './Confirm.tsx';
import { problemOf, type TeacherProblem } from './errors.ts';
import { TooFewSubmissions } from './EstimatedResults.tsx';
import { formatInstant } from './format.ts';
import { readKeyFragment } from './links.ts';
import { LiveRound } from './LiveRound.tsx';

/** Until the service says when the round expires: its default lifetime. */
const PROVISIONAL_LIFETIME_MS = 24 * 60 * 60 * 1000;

/** /klass/<code>/larare: the teacher's page of a round. */
export function TeacherPage() {
  return (
    <NamespaceGate namespace="teacher">
      <TeacherRound />
    </NamespaceGate>
  );
}

type View =
  | { readonly kind: 'loading' }
  | { readonly kind: 'open'; readonly session: SessionResponse }
  | {
      readonly kind: 'results';
      readonly session: SessionResponse;
      readonly result: ResultsResponse;
    }
  | { readonly kind: 'deleted' }
  | { readonly kind: 'problem'; readonly problem: TeacherProblem };

function TeacherRound() {
  const { t } = useTranslation('teacher');
  const given = useParams().code ?? '';
  const code = normaliseJoinCode(given);
  if (code === null)
    return (
      <>
        <h1>{t('page.title', { code: given })}</h1>
        <p role="alert">{t('page.badCode', { code: given })}</p>
      </>
    );
  return <RoundWithKey key={code} code={code} />;
}

/** Finds the teacher key (the link's fragment, else this browser's storage), then the round. */
function RoundWithKey({ code }: { code: string }) {
  const paths = usePaths();
  const { t } = useTranslation('teacher');
  const { hash, pathname, search } = useLocation();
  const navigate = useNavigate();
  const fromFragment = readKeyFragment(hash);
  // Read once: a key in the fragment wins over a stored one; the fragment is then removed.
  const [teacherKey] = useState<string | null>(() =>
    typeof fromFragment === 'string' && fromFragment !== 'invalid'
      ? fromFragment
      : (teacherKeys.get(code)?.key ?? null),
  );
  const [persistent] = useState(() => teacherKeys.persistent());

  // A key in the fragment is kept in this browser, then taken out of the address bar (and so out
  // of the history, bookmarks and screen shares).
  useEffect(() => {
    if (fromFragment === null) return;
    if (fromFragment !== 'invalid') {
      const stored = teacherKeys.get(code);
      teacherKeys.put({
        code,
        key: fromFragment,
        expiresAt:
          stored?.key === fromFragment
            ? stored.expiresAt
            : new Date(Date.now() + PROVISIONAL_LIFETIME_MS).toISOString(),
      });
    }
    void navigate({ pathname, search }, { replace: true });
  }, [fromFragment, code, pathname, search, navigate]);

  const title = <h1>{t('page.title', { code: formatJoinCode(code) })}</h1>;
  if (teacherKey === null)
    return (
      <>
        {title}
        <h2>{t('page.noKeyTitle')}</h2>
        <p>{t('page.noKey')}</p>
        <p>{t('page.noKeyPupil')}</p>
        <p>
          <Link to={paths.classroomJoin(code)}>
            {t('page.pupilLink', { code: formatJoinCode(code) })}
          </Link>
        </p>
        <p>
          <Link to={paths.classroomNew}>{t('page.newRound')}</Link>
        </p>
      </>
    );
  return (
    <div className="teacher">
      {title}
      {!persistent && <p className="notice">{t('page.notPersistent')}</p>}
      <Round code={code} teacherKey={teacherKey} />
    </div>
  );
}

function Round({ code, teacherKey }: { code: string; teacherKey: string }) {
  const paths = usePaths();
  const { t, i18n } = useTranslation('teacher');
  const compass = useCompass();
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [deleteProblem, setDeleteProblem] = useState<TeacherProblem | null>(null);
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  const show = useCallback((next: View) => {
    if (mounted.current) setView(next);
  }, []);

  /** What to show for an error; a round that is gone takes its key with it. */
  const problemView = useCallback(
    (error: Parameters<typeof problemOf>[0]): View => {
      const problem = problemOf(error);
      if (problem === 'gone') teacherKeys.forget(code);
      return { kind: 'problem', problem };
    },
    [code],
  );

  const resultsView = useCallback(
    async (session: SessionResponse): Promise<View> => {
      const outcome = await getResults(code, teacherKey);
      if (outcome.ok) return { kind: 'results', session, result: outcome.body };
      if (outcome.error === 'still-open') return { kind: 'open', session };
      return problemView(outcome.error);
    },
    [code, teacherKey, problemView],
  );

  const roundView = useCallback(async (): Promise<View> => {
    const outcome = await getSession(code);
    if (!outcome.ok) return problemView(outcome.error);
    const session = outcome.body;
    teacherKeys.put({ code, key: teacherKey, expiresAt: session.expiresAt });
    return session.open ? { kind: 'open', session } : resultsView(session);
  }, [code, teacherKey, problemView, resultsView]);

  useEffect(() => {
    void roundView().then(show);
  }, [roundView, show]);

  const gone = useCallback(() => show(problemView('not-found')), [show, problemView]);

  // After the round closes, is deleted or fails, focus goes to the heading of what is shown now.
  const previous = useRef<View['kind']>('loading');
  useEffect(() => {
    if (previous.current !== view.kind && view.kind !== 'open' && view.kind !== 'loading')
      focusTarget.current?.focus();
    previous.current = view.kind;
  }, [view.kind]);

  const closed = useCallback(() => {
    if (view.kind !== 'open') return;
    const session = { ...view.session, open: false };
    setView({ kind: 'loading' });
    void resultsView(session).then(show);
  }, [view, resultsView, show]);

  const remove = async () => {
    setDeleting(true);
    setDeleteProblem(null);
    const outcome = await deleteSession(code, teacherKey);
    setDeleting(false);
    if (outcome.ok || outcome.error === 'not-found' || outcome.error === 'expired') {
      teacherKeys.forget(code);
      setConfirmingDelete(false);
      setView({ kind: 'deleted' });
      return;
    }
    setDeleteProblem(problemOf(outcome.error));
  };

  if (view.kind === 'loading') return <p role="status">{t('page.loading')}</p>;

  if (view.kind === 'problem')
    return (
      <>
        <p role="alert" className="problem">
          <span ref={focusTarget} tabIndex={-1}>
            {t(`errors.${view.problem}`, { code: formatJoinCode(code) })}
          </span>
        </p>
        {view.problem === 'gone' || view.problem === 'wrongKey' ? (
          <p>
            <Link to={paths.classroomNew}>{t('page.newRound')}</Link>
          </p>
        ) : (
          <p>
            <button
              type="button"
              onClick={() => {
                setView({ kind: 'loading' });
                void roundView().then(show);
              }}
            >
              {t('errors.retry')}
            </button>
          </p>
        )}
      </>
    );

  if (view.kind === 'deleted')
    return (
      <section aria-labelledby="deleted-heading">
        <h2 id="deleted-heading" ref={focusTarget} tabIndex={-1}>
          {t('results.deletedTitle')}
        </h2>
        <p role="status">{t('results.deleted', { code: formatJoinCode(code) })}</p>
        <p>
          <Link to={paths.classroomNew}>{t('page.newRound')}</Link>
        </p>
      </section>
    );

  const { session } = view;
  if (session.compass !== compass.id)
    return (
      <p role="alert" className="problem">
        {t('page.differentCompass', { compass: session.compass })}
      </p>
    );

  if (view.kind === 'open')
    return (
      <LiveRound
        code={code}
        teacherKey={teacherKey}
        submissions={session.submissions}
        expiresAt={session.expiresAt}
        onClosed={closed}
        onGone={gone}
      />
    );

  const { result } = view;
  return (
    <>
      <section className="class-result" aria-labelledby="class-result-heading">
        <h2 id="class-result-heading" ref={focusTarget} tabIndex={-1}>
          {'withheld' in result ? t('results.withheldTitle') : t('results.heading')}
        </h2>
        {'withheld' in result ? (
          <TooFewSubmissions submissions={result.submissions} />
        ) : (
          <>
            <p className="lead">{t('results.submissions', { count: result.submissions })}</p>
            {result.version !== compass.version && (
              <p className="notice">{t('page.otherVersion', { version: result.version })}</p>
            )}
          </>
        )}
      </section>
      {!('withheld' in result) && <ClassResults compass={compass} figures={result} code={code} />}
      <section className="class-delete no-print" aria-labelledby="class-delete-heading">
        <h2 id="class-delete-heading">{t('results.deleteTitle')}</h2>
        <p>
          {t('results.deleteExplain', { time: formatInstant(session.expiresAt, i18n.language) })}
        </p>
        {deleteProblem && (
          <p role="alert" className="problem">
            {t(`errors.${deleteProblem}`, { code: formatJoinCode(code) })}
          </p>
        )}
        {confirmingDelete ? (
          <Confirm
            title={t('results.deleteConfirmTitle')}
            text={t('results.deleteConfirmText')}
            confirmLabel={deleting ? t('results.deleting') : t('results.deleteConfirm')}
            cancelLabel={t('live.cancel')}
            busy={deleting}
            onConfirm={() => void remove()}
            onCancel={() => {
              setConfirmingDelete(false);
              requestAnimationFrame(() => deleteButton.current?.focus());
            }}
          />
        ) : (
          <p className="actions">
            <button
              type="button"
              className="danger"
              ref={deleteButton}
              onClick={() => setConfirmingDelete(true)}
            >
              {t('results.delete')}
            </button>
          </p>
        )}
      </section>
    </>
  );
}
