import { useTranslation } from 'react-i18next';
import { useNamespaceLanguage } from '../../../components/NamespaceGate.tsx';

/** The workbench's strings, in the language its page is shown in (English where not Swedish). */
export function useWt() {
  const lng = useNamespaceLanguage('workbench');
  return useTranslation('workbench', { lng });
}
