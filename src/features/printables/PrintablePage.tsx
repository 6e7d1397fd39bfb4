import { useTranslation } from 'react-i18next';
import { NamespaceGate } from '../../i18n/namespaces.tsx';

/** /larare/utskrift/:name: printable material. (Being built.) */
export function PrintablePage() {
  return (
    <NamespaceGate namespace="printables">
      <Printable />
    </NamespaceGate>
  );
}

function Printable() {
  const { t } = useTranslation('printables');
  return <h1>{t('title')}</h1>;
}
