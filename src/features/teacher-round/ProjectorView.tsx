import { Fragment, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useScope } from '../../context/scope-context.tsx';
import { formatJoinCode } from '../../domain/classroom/index.ts';
import { LazyQrCode } from './lazy-qr.ts';
import { pupilLink } from './links.ts';

/**
 * The projector view: join code, QR code, link and count, as large as the screen allows, for the
 * back of a classroom. It covers the whole window (the app's header and footer are hidden); the
 * button or Escape leaves it.
 */
export function ProjectorView({
  code,
  count,
  onLeave,
}: {
  code: string;
  count: number;
  onLeave: () => void;
}) {
  const compassId = useScope().compass;
  const { t } = useTranslation('teacher');
  const leave = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    leave.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onLeave();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onLeave]);
  const link = pupilLink(compassId, code);
  return (
    <div className="projector" role="region" aria-label={t('live.projector')}>
      <div className="projector-qr">
        <Suspense fallback={null}>
          <LazyQrCode text={link} label={t('live.qr')} className="qr projector-qr-code" />
        </Suspense>
      </div>
      <div className="projector-text">
        <p className="projector-label">{t('live.code')}</p>
        <p className="projector-code round-code" dir="ltr">
          {formatJoinCode(code)}
        </p>
        <p className="projector-link" dir="ltr">
          <BreakableLink text={link.replace(/^https?:\/\//, '')} />
        </p>
        <p className="projector-count">
          <span className="projector-label">{t('live.count')}</span>{' '}
          <strong className="count-number">{count}</strong>
        </p>
      </div>
      <p className="projector-leave">
        <button type="button" ref={leave} onClick={onLeave}>
          {t('live.leaveProjector')}
        </button>{' '}
        <span className="hint">{t('live.projectorHint')}</span>
      </p>
    </div>
  );
}

/**
 * An address that may wrap after each "/" (and only there) when it is wider than the screen, as
 * a long host with the compass's path is on a projector beside the QR code.
 */
function BreakableLink({ text }: { text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, i) => (
        <Fragment key={i}>
          {part}
          {i < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
