import { useTranslation } from 'react-i18next';
import type { Language } from '../../config/languages.ts';
import type { Printable } from '../../config/paths.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { localized } from '../../i18n/localized.ts';

/** The material's heading: its name, then the compass and version it was generated from. */
export function PrintHead({ name, lng }: { name: Printable; lng: Language }) {
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  return (
    <header className="printable-head">
      <h1>{t(`names.${name}`)}</h1>
      <p>{t('compass', { compass: localized(compass.title, lng), version: compass.version })}</p>
    </header>
  );
}
