// @vitest-environment jsdom
import { render, screen, waitFor } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import { Layout } from './Layout.tsx';

const renderLayout = () =>
  render(
    <I18nextProvider i18n={createI18n()}>
      <MemoryRouter>
        <Layout>
          <p>innehåll</p>
        </Layout>
      </MemoryRouter>
    </I18nextProvider>,
  );

afterEach(() => {
  document.documentElement.removeAttribute('lang');
  document.documentElement.removeAttribute('dir');
});

describe('Layout', () => {
  it('gives the page its language and direction when it has other ones', async () => {
    document.documentElement.lang = 'ar';
    document.documentElement.dir = 'rtl';
    renderLayout();
    await waitFor(() => expect(document.documentElement.lang).toBe('sv'));
    expect(document.documentElement.dir).toBe('ltr');
  });

  it('leaves them be when the page has them already, as a prerendered page does', async () => {
    document.documentElement.lang = 'sv';
    document.documentElement.dir = 'ltr';
    const changed: string[] = [];
    const observer = new MutationObserver((records) =>
      changed.push(...records.map((record) => record.attributeName ?? '')),
    );
    observer.observe(document.documentElement, { attributes: true });
    renderLayout();
    expect(await screen.findByText('innehåll')).toBeInTheDocument();
    // The layout's effects have run once the render is committed (render() flushes them).
    observer.takeRecords().forEach((record) => changed.push(record.attributeName ?? ''));
    observer.disconnect();
    expect(changed).toEqual([]);
  });
});
