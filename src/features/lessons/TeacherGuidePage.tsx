import { useTranslation } from 'react-i18next';
import { NamespaceGate } from '../../i18n/namespaces.tsx';

/** /larare: for teachers. (Being built.) */
export function TeacherGuidePage() {
  return (
    <NamespaceGate namespace="lessons">
      <Guide />
    </NamespaceGate>
  );
}

function Guide() {
  const { t } = useTranslation('lessons');
  return <h1>{t('title')}</h1>;
}
