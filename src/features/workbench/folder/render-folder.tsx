// The workbench's string namespaces are added when its code loads; a test renders parts alone.
import '../strings.ts';
import { act, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../../i18n/i18n.ts';
import { loadNamespace } from '../../../i18n/namespaces.ts';

/** Renders a folder component as its page does: the real i18n with the workbench strings (sv). */
export async function renderFolder(element: ReactElement) {
  const i18n = createI18n();
  await loadNamespace(i18n, 'workbench', 'sv');
  let view: ReturnType<typeof render> | undefined;
  await act(async () => {
    view = render(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
  });
  return view!;
}
