import { useTranslation } from 'react-i18next';
import { dismissUpdate, useUpdate } from './update-store.ts';

/**
 * "En ny version finns – ladda om": shown when a new deployment is waiting, never forced. The
 * status region is put in the page, empty, as soon as the service worker is being registered, so
 * that screen readers announce the offer without moving focus when it comes (one inserted
 * together with its text is often not announced). The answers are in localStorage and survive
 * the reload.
 */
export function UpdatePrompt() {
  const { t } = useTranslation();
  const watching = useUpdate((s) => s.watching);
  const apply = useUpdate((s) => s.apply);
  const dismissed = useUpdate((s) => s.dismissed);
  if (!watching) return null;
  return (
    <div role="status">
      {apply !== null && !dismissed && (
        <div className="notice">
          <p>{t('update.available')}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => apply()}>
              {t('update.reload')}
            </button>
            <button type="button" className="secondary" onClick={dismissUpdate}>
              {t('update.later')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
