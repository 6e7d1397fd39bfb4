import './join-round.css';
import { useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { type ApiOutcome, checkService, getSession } from '../../data/classroom-client.ts';
import type { SessionResponse } from '../../domain/classroom/http-contract.ts';
import { formatJoinCode, normaliseJoinCode } from '../../domain/classroom/join-code.ts';
import { localized } from '../../i18n/localized.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { useClassRound } from '../../state/class-round.ts';

/**
 * /klass/<code>: which compass the round is for and whether it is open, then "Gå med och starta
 * testet". Joining stores the round on this device; the quiz is the ordinary one, and the results
 * page then offers to send the answers. Answers already on the device (perhaps another pupil's, on
 * a shared computer) are never taken over silently: the pupil keeps them or starts over.
 */
export function JoinPage() {
  return (
    <NamespaceGate namespace="classroom">
      <Join />
    </NamespaceGate>
  );
}

type Lookup =
  | { readonly kind: 'loading' }
  | { readonly kind: 'absent' }
  | { readonly kind: 'done'; readonly outcome: ApiOutcome<SessionResponse> };

function Join() {
  const paths = usePaths();
  const { t } = useTranslation('classroom');
  const { code: given = '' } = useParams();
  const code = normaliseJoinCode(given);
  return (
    <>
      <h1>
        {code === null ? (
          t('join.titlePlain')
        ) : (
          <>
            {t('join.title')} <bdi className="join-code">{formatJoinCode(code)}</bdi>
          </>
        )}
      </h1>
      {code === null ? (
        <>
          <p role="alert">{t('join.invalidCode')}</p>
          <p>
            <Link className="button" to={paths.classroom}>
              {t('join.toEntry')}
            </Link>
          </p>
        </>
      ) : (
        <Round key={code} code={code} />
      )}
    </>
  );
}

function Round({ code }: { code: string }) {
  const paths = usePaths();
  const { t } = useTranslation('classroom');
  const [lookup, setLookup] = useState<Lookup>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    let live = true;
    void (async () => {
      const outcome = await getSession(code);
      // A static host answers with its index.html or a bare 404: then there is no service at all.
      const absent =
        !outcome.ok &&
        (outcome.error === 'unexpected' || outcome.error === 'no-such-endpoint') &&
        (await checkService()) === 'absent';
      if (live) setLookup(absent ? { kind: 'absent' } : { kind: 'done', outcome });
    })();
    return () => {
      live = false;
    };
  }, [code, attempt]);

  if (lookup.kind === 'loading') return <p role="status">{t('join.loading')}</p>;
  if (lookup.kind === 'absent')
    return (
      <>
        <p className="notice" role="alert">
          {t('common.absent')}
        </p>
        <p>
          <Link className="button" to={paths.home}>
            {t('common.toQuiz')}
          </Link>
        </p>
      </>
    );
  const { outcome } = lookup;
  if (!outcome.ok) {
    const shown = formatJoinCode(code);
    const retry = (
      <p>
        <button
          type="button"
          onClick={() => {
            setLookup({ kind: 'loading' });
            setAttempt((n) => n + 1);
          }}
        >
          {t('common.retry')}
        </button>
      </p>
    );
    switch (outcome.error) {
      case 'not-found':
      case 'invalid-code':
        return (
          <>
            <p role="alert">{t('join.notFound', { code: shown })}</p>
            <p>
              <Link to={paths.classroom}>{t('join.toEntry')}</Link>
            </p>
            <LeaveIfJoined code={code} />
          </>
        );
      case 'expired':
        return (
          <>
            <p role="alert">{t('join.expired', { code: shown })}</p>
            <LeaveIfJoined code={code} />
          </>
        );
      case 'network':
        return (
          <>
            <p role="alert">{t('common.network')}</p>
            {retry}
          </>
        );
      case 'rate-limited':
        return (
          <>
            <p role="alert">{t('common.rateLimited')}</p>
            {retry}
          </>
        );
      default:
        return (
          <>
            <p role="alert">{t('common.failed')}</p>
            {retry}
          </>
        );
    }
  }
  return <Session code={code} session={outcome.body} />;
}

function Session({ code, session }: { code: string; session: SessionResponse }) {
  const { t, i18n } = useTranslation('classroom');
  const compass = useCompass();
  if (session.compass !== compass.id)
    return (
      <>
        <p role="alert">{t('join.otherCompass', { compass: session.compass })}</p>
        <LeaveIfJoined code={code} />
      </>
    );
  if (session.version !== compass.version)
    return (
      <>
        <p role="alert">
          {t('join.otherVersion', { round: session.version, site: compass.version })}
        </p>
        <LeaveIfJoined code={code} />
      </>
    );
  return (
    <>
      <p>{t('join.compass', { title: localized(compass.title, i18n.language) })}</p>
      {session.open ? (
        <>
          <p>
            <strong>{t('join.open')}</strong>
          </p>
          <p>{t('join.how')}</p>
          <JoinActions code={code} />
        </>
      ) : (
        <>
          <p role="alert">{t('join.closed')}</p>
          <LeaveIfJoined code={code} />
        </>
      )}
    </>
  );
}

/** The ways into an open round of the compass on screen, or on from it once joined. */
function JoinActions({ code }: { code: string }) {
  const paths = usePaths();
  const { t } = useTranslation('classroom');
  const compass = useCompass();
  const navigate = useNavigate();
  const round = useClassRound((s) => s.round);
  const join = useClassRound((s) => s.join);
  const answers = useAnswers((s) => s.answers);
  const clearAnswers = useAnswers((s) => s.clear);
  const [left, setLeft] = useState(false);
  const total = compass.statements.length;
  const reached = compass.statements.filter((s) => answers[s.id] !== undefined).length;
  const firstOpen = compass.statements.findIndex((s) => answers[s.id] === undefined);
  const onward = firstOpen === -1 ? paths.results : paths.statement(firstOpen + 1);
  const joinRound = () => join({ code, compass: compass.id, version: compass.version });

  if (round?.code === code && round.compass === compass.id && round.version === compass.version)
    return (
      <>
        <p role="status">
          {t('join.joined')} {round.sent && t('join.sentAlready')}
        </p>
        <p className="actions">
          <Link className="button primary" to={reached > 0 ? onward : paths.statement(1)}>
            {firstOpen === -1 && reached > 0 ? t('join.toResults') : t('join.continueQuiz')}
          </Link>
        </p>
        <LeaveButton onLeft={() => setLeft(true)} />
      </>
    );
  return (
    <>
      {left && <LeftMessage />}
      {round && round.code !== code && (
        <p className="notice">
          <Trans
            t={t}
            i18nKey="join.otherRound"
            values={{ code: formatJoinCode(round.code) }}
            components={{ c: <bdi className="join-code" /> }}
          />
        </p>
      )}
      {reached === 0 ? (
        <p className="actions">
          <button
            type="button"
            className="primary"
            onClick={() => {
              joinRound();
              void navigate(paths.statement(1));
            }}
          >
            {t('join.start')}
          </button>
        </p>
      ) : (
        <>
          <p>{t('join.hasAnswers', { reached, total })}</p>
          <p className="hint">{t('join.keepAnswersNext')}</p>
          <p className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                joinRound();
                void navigate(onward);
              }}
            >
              {t('join.keepAnswers')}
            </button>
            <button
              type="button"
              onClick={() => {
                clearAnswers();
                joinRound();
                void navigate(paths.statement(1));
              }}
            >
              {t('join.startOver')}
            </button>
          </p>
        </>
      )}
    </>
  );
}

/** "Lämna klassomgången", shown where this round (closed, gone, of another version) is the one joined. */
function LeaveIfJoined({ code }: { code: string }) {
  const joined = useClassRound((s) => s.round?.code === code);
  const [left, setLeft] = useState(false);
  if (left) return <LeftMessage />;
  if (!joined) return null;
  return <LeaveButton onLeft={() => setLeft(true)} />;
}

function LeaveButton({ onLeft }: { onLeft: () => void }) {
  const { t } = useTranslation('classroom');
  const leave = useClassRound((s) => s.leave);
  return (
    <p>
      <button
        type="button"
        className="secondary"
        onClick={() => {
          leave();
          onLeft();
        }}
      >
        {t('common.leave')}
      </button>
    </p>
  );
}

/** Confirms the leaving and takes the focus, since the button that had it is gone. */
function LeftMessage() {
  const { t } = useTranslation('classroom');
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} role="status" className="notice">
      {t('join.left')}
    </p>
  );
}
