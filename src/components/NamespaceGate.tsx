import { type ReactNode, use } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, type Language } from '../config/languages.ts';
import { type LazyNamespace, loadNamespace, namespaceLanguage } from '../i18n/namespaces.ts';

/**
 * Renders `children` once `namespace` is loaded for the current language, suspending until then
 * (so put it inside a `<Suspense>`; the routes' page wrapper is one). Switching the language
 * suspends again until the new language's strings are there. The loading itself is src/i18n's
 * (`loadNamespace`), which imports no React.
 */
export function NamespaceGate({
  namespace,
  children,
}: {
  namespace: LazyNamespace;
  children: ReactNode;
}) {
  const { i18n: instance } = useTranslation();
  const language = isLanguage(instance.language) ? instance.language : 'sv';
  use(loadNamespace(instance, namespace, language));
  return children;
}

/** `namespaceLanguage` for the app's current language: the language a page of `namespace` shows. */
export function useNamespaceLanguage(namespace: LazyNamespace): Language {
  const { i18n: instance } = useTranslation();
  return namespaceLanguage(namespace, isLanguage(instance.language) ? instance.language : 'sv');
}
