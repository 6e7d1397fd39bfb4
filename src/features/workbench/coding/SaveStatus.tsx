import { useTranslation } from 'react-i18next';
import type { SaveState } from './save-state.ts';

/** The save's state in words, in a live region so it is heard as it changes. */
export function SaveStatus({ state }: { readonly state: SaveState }) {
  const { t } = useTranslation('workbenchCoding');
  const error = typeof state === 'object' ? state.error : null;
  return (
    <p role="status" className={error === null ? 'coding-hint' : 'coding-refused'}>
      {state === 'saving' && t('save.saving')}
      {state === 'saved' && t('save.saved')}
      {error !== null && t('save.error', { message: error })}
    </p>
  );
}
