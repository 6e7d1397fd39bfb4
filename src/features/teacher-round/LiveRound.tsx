import { Suspense, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../context/scope-context.tsx';
import { closeSession } from '../../data/classroom-client.ts';
import { formatJoinCode } from '../../domain/classroom/index.ts';
import { MIN_SUBMISSIONS } from '../../domain/classroom/randomized-estimate.ts';
import { Confirm } from './Confirm.tsx';
import { CopyField } from './CopyField.tsx';
import { CountAnnouncer } from './CountAnnouncer.tsx';
import { problemOf, type TeacherProblem } from './errors.ts';
import { formatInstant, spellCode } from './format.ts';
import { LazyQrCode } from './lazy-qr.ts';
import { classroomPage, pupilLink, teacherLink } from './links.ts';
import { ProjectorView } from './ProjectorView.tsx';
import { POLL_MS, useLiveCount } from './use-live-count.ts';

/**
 * An open round, for the teacher: how pupils join (code, QR code, link), the live count, the
 * projector view, the teacher link for another device, and closing the round.
 */
export function LiveRound({
  code,
  teacherKey,
  submissions,
  expiresAt,
  onClosed,
  onGone,
}: {
  code: string;
  teacherKey: string;
  submissions: number;
  expiresAt: string;
  /** The round is closed now (by this page or elsewhere): show what comes after. */
  onClosed: () => void;
  onGone: () => void;
}) {
  const compassId = useScope().compass;
  const { t, i18n } = useTranslation('teacher');
  const live = useLiveCount(code, submissions, { onClosed, onGone });
  const [projector, setProjector] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [closing, setClosing] = useState(false);
  const [problem, setProblem] = useState<TeacherProblem | null>(null);
  const projectorButton = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<'projector' | 'close' | null>(null);

  // Focus goes back to the button that opened the projector view or the confirmation.
  useEffect(() => {
    if (projector || confirming || returnFocus.current === null) return;
    (returnFocus.current === 'projector' ? projectorButton : closeButton).current?.focus();
    returnFocus.current = null;
  }, [projector, confirming]);

  const leaveProjector = useCallback(() => {
    returnFocus.current = 'projector';
    setProjector(false);
  }, []);

  const close = async () => {
    setClosing(true);
    setProblem(null);
    const outcome = await closeSession(code, teacherKey);
    setClosing(false);
    if (outcome.ok) return onClosed();
    if (problemOf(outcome.error) === 'gone') return onGone();
    setConfirming(false);
    setProblem(problemOf(outcome.error));
  };

  const announcer = (
    <CountAnnouncer count={live.submissions} text={(n) => t('live.countAnnounce', { count: n })} />
  );

  if (projector)
    return (
      <>
        <ProjectorView code={code} count={live.submissions} onLeave={leaveProjector} />
        {announcer}
      </>
    );

  const link = pupilLink(compassId, code);
  return (
    <section className="live" aria-labelledby="live-heading">
      <h2 id="live-heading">{t('live.heading')}</h2>
      <p>{t('live.howToJoin', { page: classroomPage(compassId).replace(/^https?:\/\//, '') })}</p>
      <div className="join-card">
        <div className="join-main">
          <p className="join-code-label">{t('live.code')}</p>
          <p className="round-code">
            <span aria-hidden="true" dir="ltr">
              {formatJoinCode(code)}
            </span>
            <span className="teacher-sr">{spellCode(code)}</span>
          </p>
          <p className="live-count">
            <span className="join-code-label">{t('live.count')}</span>{' '}
            <strong className="count-number" data-testid="live-count">
              {live.submissions}
            </strong>
          </p>
          {announcer}
        </div>
        <Suspense fallback={null}>
          <LazyQrCode text={link} label={t('live.qr')} className="qr join-qr" />
        </Suspense>
      </div>
      <CopyField
        value={link}
        label={t('live.pupilLink')}
        copyLabel={t('live.copy')}
        copied={t('live.copied')}
        failed={t('live.copyFailed')}
      />
      <p className="hint">{t('live.countOnly', { min: MIN_SUBMISSIONS })}</p>
      {live.via === 'polling' && (
        <p className="hint">{t('live.polling', { seconds: POLL_MS / 1000 })}</p>
      )}
      <p className="actions no-print">
        <button type="button" ref={projectorButton} onClick={() => setProjector(true)}>
          {t('live.projector')}
        </button>
      </p>
      <details className="teacher-link">
        <summary>{t('live.teacherLink')}</summary>
        <p>{t('live.teacherLinkExplain')}</p>
        <p className="warning">{t('live.teacherLinkWarning')}</p>
        <CopyField
          value={teacherLink(compassId, code, teacherKey)}
          label={t('live.teacherLinkLabel')}
          copyLabel={t('live.copyTeacherLink')}
          copied={t('live.copied')}
          failed={t('live.copyFailed')}
        />
      </details>
      <p className="hint">{t('live.expires', { time: formatInstant(expiresAt, i18n.language) })}</p>
      {problem && (
        <p role="alert" className="problem">
          {t(`errors.${problem}`, { code: formatJoinCode(code) })}
        </p>
      )}
      {confirming ? (
        <Confirm
          title={t('live.closeConfirmTitle')}
          text={t('live.closeConfirmText')}
          confirmLabel={closing ? t('live.closing') : t('live.closeConfirm')}
          cancelLabel={t('live.cancel')}
          busy={closing}
          onConfirm={() => void close()}
          onCancel={() => {
            returnFocus.current = 'close';
            setConfirming(false);
          }}
        />
      ) : (
        <p className="actions">
          <button
            type="button"
            className="primary"
            ref={closeButton}
            onClick={() => setConfirming(true)}
          >
            {t('live.close')}
          </button>
        </p>
      )}
    </section>
  );
}
