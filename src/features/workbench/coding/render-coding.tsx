// The workbench's string namespaces are added when its code loads; a test renders parts alone.
import '../strings.ts';
import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n, switchLanguage } from '../../../i18n/i18n.ts';
import { loadNamespace } from '../../../i18n/namespaces.ts';

/**
 * Renders a coding component the way its page does: the app's real i18n, with the lazily loaded
 * workbenchCoding strings in place (Swedish unless `language` says otherwise).
 */
export async function renderCoding(element: ReactElement, language: 'sv' | 'en' = 'sv') {
  const i18n = createI18n();
  if (language !== 'sv') await switchLanguage(i18n, language);
  await loadNamespace(i18n, 'workbenchCoding', language);
  let view: ReturnType<typeof render> | undefined;
  await act(async () => {
    view = render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
  });
  const rerender = (next: ReactElement) =>
    view!.rerender(<I18nextProvider i18n={i18n}>{next}</I18nextProvider>);
  return { ...view!, rerender, i18n };
}
