import { lazy, Suspense, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyStatus, useCopy } from '../../components/use-copy.tsx';
import { sitePaths } from '../../config/paths.ts';
import type { Compass } from '../../domain/bank/types.ts';
import { encodeShare } from '../../domain/share-link/share-code.ts';
import { useAnswers, voterOf } from '../../state/answers-store.ts';
import { knownAnswers } from './use-result.ts';

const QrCode = lazy(() =>
  import('../../components/QrCode.tsx').then((m) => ({ default: m.QrCode })),
);

/**
 * "Dela resultat": a link whose fragment (after #) carries the answers, so no server ever sees
 * them; a QR code made in the browser; a copy button.
 */
export function SharePanel({ compass }: { compass: Compass }) {
  const { t } = useTranslation();
  const answers = useAnswers((s) => s.answers);
  const parties = useAnswers((s) => s.parties);
  const [open, setOpen] = useState(false);
  const copying = useCopy();
  const field = useRef<HTMLInputElement>(null);
  const link = useMemo(() => {
    const code = encodeShare(compass, knownAnswers(compass, voterOf({ answers, parties })));
    // Without a reading prefix: whoever opens it reads it in their own language.
    const shared = sitePaths('', compass.id).shared;
    return `${window.location.origin}${import.meta.env.BASE_URL.replace(/\/$/, '')}${shared}#${code}`;
  }, [compass, answers, parties]);

  return (
    <section aria-labelledby="share-heading" className="share">
      <h2 id="share-heading">{t('share.title')}</h2>
      <p>{t('share.explain')}</p>
      {!open ? (
        <button type="button" onClick={() => setOpen(true)}>
          {t('share.open')}
        </button>
      ) : (
        <>
          <label htmlFor="share-link">{t('share.link')}</label>
          <input
            ref={field}
            id="share-link"
            className="share-link"
            readOnly
            value={link}
            onFocus={(e) => e.target.select()}
          />
          <p>
            <button type="button" onClick={() => void copying.copy(link, field.current)}>
              {t('share.copy')}
            </button>
          </p>
          <CopyStatus
            state={copying.state}
            copied={t('share.copied')}
            failed={t('share.copyFailed')}
          />
          <Suspense fallback={<p>{t('app.loading')}</p>}>
            <QrCode text={link} label={t('share.qr')} />
          </Suspense>
        </>
      )}
    </section>
  );
}
