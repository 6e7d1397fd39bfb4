import { type ReactNode, use } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage } from '../config/languages.ts';
import { loadStrings } from '../i18n/i18n.ts';

/**
 * Renders `children` once the `pages` part of the current language's strings is loaded (see
 * src/i18n/string-parts.ts), suspending until then; every page but the start page is wrapped in
 * it (src/app/routes.tsx). The loading itself is src/i18n's (`loadStrings`), which imports no React.
 */
export function PageStringsGate({ children }: { children: ReactNode }) {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.language) ? instance.language : 'sv';
  use(loadStrings(instance, language, 'pages'));
  return children;
}
