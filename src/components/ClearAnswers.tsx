import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnswers } from '../state/answers-store.ts';

/** "Rensa mina svar": erases every answer on this device, after a second click to confirm. */
export function ClearAnswers({ onCleared }: { onCleared?: () => void }) {
  const { t } = useTranslation();
  const clear = useAnswers((s) => s.clear);
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  if (!asking)
    return (
      <div className="clear-answers">
        <button
          type="button"
          className="secondary"
          onClick={() => (setAsking(true), setDone(false))}
        >
          {t('answers.clear')}
        </button>
        {done && <p role="status">{t('answers.cleared')}</p>}
      </div>
    );
  return (
    <div className="clear-answers" role="group" aria-label={t('answers.clear')}>
      <p>{t('answers.clearConfirm')}</p>
      <button
        type="button"
        onClick={() => {
          clear();
          setAsking(false);
          setDone(true);
          onCleared?.();
        }}
      >
        {t('answers.clearYes')}
      </button>
      <button type="button" className="secondary" onClick={() => setAsking(false)}>
        {t('answers.clearNo')}
      </button>
    </div>
  );
}
