// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Suspense } from 'react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import { lazyPage } from './lazy-page.tsx';
import { PageErrorBoundary } from './PageError.tsx';

const Working = () => <h1>Metod</h1>;
/** A page whose code fails to arrive, as when the connection drops before it is loaded. */
const Unreachable = lazyPage<'Page'>(
  () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
  'Page',
);

function renderAt(page: string, element: React.ReactNode, i18n = createI18n()) {
  const tree = (at: string, content: React.ReactNode) => (
    <I18nextProvider i18n={i18n}>
      <PageErrorBoundary page={at}>
        <Suspense fallback={<p>…</p>}>{content}</Suspense>
      </PageErrorBoundary>
    </I18nextProvider>
  );
  const view = render(tree(page, element));
  return { rerenderAt: (at: string, content: React.ReactNode) => view.rerender(tree(at, content)) };
}

/** React reports an error a boundary caught; here it is expected, and kept out of the output. */
const expectCaughtErrors = () => vi.spyOn(console, 'error').mockImplementation(() => {});

describe('PageErrorBoundary', () => {
  afterEach(() => vi.restoreAllMocks());

  it('says calmly that a page could not be loaded, offers a reload, and keeps the answers', async () => {
    expectCaughtErrors();
    const reload = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, reload });
    await act(async () => {
      renderAt('/socialpolitik/metod', <Unreachable />);
    });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Sidan kunde inte laddas. Kontrollera anslutningen och ladda om sidan. Dina svar finns kvar.',
    );
    expect(screen.getByRole('alert')).toHaveFocus();
    await userEvent.click(screen.getByRole('button', { name: 'Ladda om' }));
    expect(reload).toHaveBeenCalledOnce();
  });

  it('tries again on another page', async () => {
    expectCaughtErrors();
    let view: ReturnType<typeof renderAt> | undefined;
    await act(async () => {
      view = renderAt('/socialpolitik/metod', <Unreachable />);
    });
    await screen.findByRole('alert');
    view!.rerenderAt('/socialpolitik/om', <Working />);
    expect(screen.getByRole('heading', { name: 'Metod' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows the page itself when nothing fails', () => {
    renderAt('/socialpolitik/om', <Working />);
    expect(screen.getByRole('heading', { name: 'Metod' })).toBeInTheDocument();
  });
});
