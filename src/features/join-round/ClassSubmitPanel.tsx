import './join-round.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { useCompass } from '../../context/compass-context.tsx';
import { submitAnswers } from '../../data/classroom-client.ts';
import type { ApiErrorCode } from '../../domain/classroom/http-contract.ts';
import { formatJoinCode } from '../../domain/classroom/join-code.ts';
import { MIN_SUBMISSIONS } from '../../domain/classroom/randomized-estimate.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { type ClassRound, useClassRound } from '../../state/class-round.ts';
import { browserRandomValues, forgetSubmission, keptSubmission } from './drawn-submission.ts';
import { RandomizedPreview } from './RandomizedPreview.tsx';

/**
 * "Skicka mina svar anonymt till klassen", on the results page of a pupil who has joined a class
 * round: draws the randomized submission once (every statement as one of four categories, about
 * one in three swapped for a random one: randomized response), shows exactly that body with the
 * swapped ones marked (RandomizedPreview) and what is not sent ("Viktigt för mig" among it), and
 * sends it only on a click. Every attempt for the round carries the same body and the same
 * idempotency key (made when the round was joined), so a retry after a network error counts
 * once; once the service has counted the submission the panel says so and offers no second send.
 */
export function ClassSubmitPanel() {
  return (
    <NamespaceGate namespace="classroom">
      <Panel />
    </NamespaceGate>
  );
}

/** A join code inside a sentence: isolated left to right and never broken (join-round.css). */
const CODE = { c: <bdi className="join-code" /> };

type Phase =
  | { readonly kind: 'idle' }
  | { readonly kind: 'sending' }
  | { readonly kind: 'sent'; readonly before: boolean }
  | { readonly kind: 'failed'; readonly error: Failure };

function Panel() {
  const { t } = useTranslation('classroom');
  const round = useClassRound((s) => s.round);
  return (
    <section aria-labelledby="class-panel-heading" className="class-panel">
      <h2 id="class-panel-heading">{t('panel.title')}</h2>
      {round ? <Joined round={round} /> : <Focused text={t('panel.left')} />}
    </section>
  );
}

function Joined({ round }: { round: ClassRound }) {
  const { t } = useTranslation('classroom');
  const compass = useCompass();
  const answers = useAnswers((s) => s.answers);
  const markSent = useClassRound((s) => s.markSent);
  const fitsCompass = round.compass === compass.id && round.version === compass.version;
  // Drawn once per round, key and categories of the answers, and kept (drawn-submission.ts): the
  // preview shows exactly this body, the button sends it, and a retry sends it again.
  const body = useMemo(
    () =>
      fitsCompass && !round.sent
        ? keptSubmission(
            { code: round.code, key: round.key },
            compass.statements,
            answers,
            browserRandomValues,
          )
        : null,
    [fitsCompass, round.sent, round.code, round.key, compass, answers],
  );
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = useRef(false);
  /** An earlier send failed in a way that may have reached the service (a lost answer). */
  const mayHaveArrived = useRef(false);
  const code = formatJoinCode(round.code);

  if (!fitsCompass)
    return (
      <>
        <p role="alert">{t('panel.otherVersion')}</p>
        <LeaveButton />
      </>
    );

  const send = async () => {
    if (busy.current || body === null || useClassRound.getState().round?.sent) return;
    busy.current = true;
    setPhase({ kind: 'sending' });
    const outcome = await submitAnswers(round.code, body, round.key);
    busy.current = false;
    if (outcome.ok) {
      markSent(round.code);
      forgetSubmission();
      setPhase({ kind: 'sent', before: outcome.body.status === 'already-counted' });
    } else {
      // A close also deletes the round's keys, so a retry after it cannot learn whether an earlier
      // attempt whose answer was lost got counted: say both.
      const error =
        outcome.error === 'closed' && mayHaveArrived.current ? 'closed-after-retry' : outcome.error;
      if (outcome.error === 'network' || outcome.error === 'unexpected')
        mayHaveArrived.current = true;
      setPhase({ kind: 'failed', error });
    }
  };

  if (round.sent || body === null)
    return (
      <>
        <p>
          <Trans t={t} i18nKey="panel.round" values={{ code }} components={CODE} />
        </p>
        {phase.kind === 'sent' ? (
          <Focused text={t(phase.before ? 'panel.sentBefore' : 'panel.sent')} />
        ) : (
          <p role="status" className="notice">
            {t('panel.alreadySent')}
          </p>
        )}
        <LeaveButton />
      </>
    );

  const failure = phase.kind === 'failed' ? phase.error : null;
  const final = failure !== null && FINAL.has(failure);
  return (
    <>
      <p>
        <Trans t={t} i18nKey="panel.round" values={{ code }} components={CODE} />
      </p>
      <p>{t('panel.explain')}</p>
      <RandomizedPreview statements={compass.statements} answers={answers} submission={body} />
      <p>{t('panel.alsoKey')}</p>
      <h3 className="small-heading">{t('panel.notTitle')}</h3>
      <ul>
        <li>{t('panel.notImportant')}</li>
        <li>{t('panel.notName')}</li>
        <li>{t('panel.notResult')}</li>
        <li>{t('panel.notElse')}</li>
      </ul>
      <p>{t('panel.afterwards', { min: MIN_SUBMISSIONS })}</p>
      <p role="status">{phase.kind === 'sending' ? t('panel.sending') : ''}</p>
      {failure && (
        <p role="alert" className="notice">
          {t(failureKey(failure), { code: failure })}
        </p>
      )}
      <p className="actions">
        {!final && (
          <button
            type="button"
            className="primary"
            aria-disabled={phase.kind === 'sending'}
            onClick={() => void send()}
          >
            {t('panel.send')}
          </button>
        )}
      </p>
      <LeaveButton />
    </>
  );
}

type Failure = ApiErrorCode | 'network' | 'unexpected' | 'closed-after-retry';

/** Failures after which sending again cannot help: the button goes. */
const FINAL: ReadonlySet<Failure> = new Set<Failure>([
  'closed',
  'closed-after-retry',
  'not-found',
  'expired',
  'round-full',
  'too-many-submissions',
  'outdated-submission',
  'wrong-randomization',
]);

/** The sentence for a failed send (classroom namespace). */
export function failureKey(failure: Failure) {
  switch (failure) {
    case 'closed':
      return 'panel.closed';
    case 'closed-after-retry':
      return 'panel.closedMaybeCounted';
    case 'not-found':
    case 'expired':
      return 'panel.gone';
    case 'network':
      return 'panel.network';
    case 'rate-limited':
      return 'panel.rateLimited';
    case 'round-full':
      return 'panel.roundFull';
    case 'too-many-submissions':
      return 'panel.tooManySubmissions';
    case 'outdated-submission':
    case 'wrong-randomization':
      return 'panel.outdated';
    default:
      return 'panel.failed';
  }
}

function LeaveButton() {
  const { t } = useTranslation('classroom');
  const leave = useClassRound((s) => s.leave);
  return (
    <p>
      <button type="button" className="secondary" onClick={leave}>
        {t('common.leave')}
      </button>
    </p>
  );
}

/** A sentence that takes the focus when it appears (the button the pupil pressed is gone). */
function Focused({ text }: { text: string }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <p ref={ref} tabIndex={-1} role="status" className="notice">
      {text}
    </p>
  );
}
