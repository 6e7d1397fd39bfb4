import './join-round.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { useCompass } from '../../context/compass-context.tsx';
import { submitAnswers } from '../../data/classroom-client.ts';
import { MIN_SUBMISSIONS } from '../../domain/classroom/class-result.ts';
import type { ApiErrorCode } from '../../domain/classroom/http-contract.ts';
import { formatJoinCode } from '../../domain/classroom/join-code.ts';
import { positionKey } from '../../i18n/labels.ts';
import { localized } from '../../i18n/localized.ts';
import { useAnswers } from '../../state/answers-store.ts';
import { type ClassRound, useClassRound } from '../../state/class-round.ts';
import { submissionOf } from './submission.ts';

/**
 * "Skicka mina svar anonymt till klassen", on the results page of a pupil who has joined a class
 * round: shows exactly what is sent (each reached statement with the answer and the importance
 * mark, and the same as data) and what is not, and sends it only on a click. Every attempt for
 * the round carries the same idempotency key (made when the round was joined), so a retry after a
 * network error counts once; once the service has counted the answers the panel says so and
 * offers no second send.
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
  | { readonly kind: 'failed'; readonly error: ApiErrorCode | 'network' | 'unexpected' };

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
  const { t, i18n } = useTranslation('classroom');
  const { t: tMain } = useTranslation();
  const compass = useCompass();
  const answers = useAnswers((s) => s.answers);
  const markSent = useClassRound((s) => s.markSent);
  const { body, rows } = useMemo(() => submissionOf(compass, answers), [compass, answers]);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const busy = useRef(false);
  const code = formatJoinCode(round.code);

  if (round.compass !== compass.id || round.version !== compass.version)
    return (
      <>
        <p role="alert">{t('panel.otherVersion')}</p>
        <LeaveButton />
      </>
    );

  const send = async () => {
    if (busy.current || useClassRound.getState().round?.sent) return;
    busy.current = true;
    setPhase({ kind: 'sending' });
    const outcome = await submitAnswers(round.code, body, round.key);
    busy.current = false;
    if (outcome.ok) {
      markSent(round.code);
      setPhase({ kind: 'sent', before: outcome.body.status === 'already-counted' });
    } else setPhase({ kind: 'failed', error: outcome.error });
  };

  if (round.sent)
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
  const roundOver =
    failure === 'closed' || failure === 'not-found' || failure === 'expired' ? failure : null;
  return (
    <>
      <p>
        <Trans t={t} i18nKey="panel.round" values={{ code }} components={CODE} />
      </p>
      <p>{t('panel.explain')}</p>
      <h3 className="small-heading">{t('panel.whatTitle')}</h3>
      <ul>
        <li>{t('panel.whatAnswers', { count: rows.length })}</li>
        <li>{t('panel.whatKey')}</li>
      </ul>
      <h3 className="small-heading">{t('panel.notTitle')}</h3>
      <ul>
        <li>{t('panel.notName')}</li>
        <li>{t('panel.notResult')}</li>
        <li>{t('panel.notElse')}</li>
      </ul>
      <p>{t('panel.afterwards', { min: MIN_SUBMISSIONS })}</p>
      <details>
        <summary>{t('panel.show')}</summary>
        <div className="table-scroll reflow">
          <table>
            <caption>{t('panel.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('panel.statement')}</th>
                <th scope="col">{t('panel.answer')}</th>
                <th scope="col">{t('panel.important')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ statement, sent }) => (
                <tr key={statement.id}>
                  <th scope="row">{localized(statement.text, i18n.language)}</th>
                  <td data-label={t('panel.answer')}>{tMain(positionKey(sent.answer))}</td>
                  <td data-label={t('panel.important')}>
                    {sent.answer === 'skip'
                      ? t('panel.notApplicable')
                      : sent.important
                        ? t('panel.yes')
                        : t('panel.no')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details>
          <summary>{t('panel.raw')}</summary>
          <pre data-testid="class-submission-json">{JSON.stringify(body, null, 2)}</pre>
        </details>
      </details>
      <p role="status">{phase.kind === 'sending' ? t('panel.sending') : ''}</p>
      {failure && (
        <p role="alert" className="notice">
          {failure === 'closed'
            ? t('panel.closed')
            : roundOver
              ? t('panel.gone')
              : failure === 'network'
                ? t('panel.network')
                : failure === 'rate-limited'
                  ? t('panel.rateLimited')
                  : t('panel.failed', { code: failure })}
        </p>
      )}
      <p className="actions">
        {!roundOver && (
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
