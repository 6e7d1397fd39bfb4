// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import type { i18n } from 'i18next';
import type { ReactNode } from 'react';
import { Suspense } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { createBrowserI18n, loadStrings, originalInstance, startLanguage } from '../i18n/i18n.ts';
import { loadNamespace } from '../i18n/namespaces.ts';
import { NamespaceGate } from './NamespaceGate.tsx';
import { PageStringsGate } from './PageStringsGate.tsx';

function ReviewTitle() {
  const { t } = useTranslation();
  return <h1>{t('review.title')}</h1>;
}

function JoinTitle() {
  const { t } = useTranslation('classroom');
  return <h1>{t('join.title')}</h1>;
}

/** `gate` and what it guards with `i18n`, inside `<Suspense>`. */
const inGate = (i18n: i18n, gate: ReactNode) => (
  <I18nextProvider i18n={i18n}>
    <Suspense fallback={<p>…</p>}>{gate}</Suspense>
  </I18nextProvider>
);

/** Renders in an awaited `act`: React 19 retries a suspended render in tests only then. */
async function renderSuspending(element: ReactNode) {
  await act(async () => {
    render(element);
  });
}

/** The browser's instance, as the app starts it: the start page's strings only. */
async function startedInstance() {
  const i18n = createBrowserI18n();
  await startLanguage(i18n, 'sv');
  return i18n;
}

describe('strings loaded with a page (the browser instance, nothing preloaded)', () => {
  it('renders a page behind the page-strings gate once its strings are loaded', async () => {
    const i18n = await startedInstance();
    await renderSuspending(
      inGate(
        i18n,
        <PageStringsGate>
          <ReviewTitle />
        </PageStringsGate>,
      ),
    );
    expect(await screen.findByRole('heading', { name: 'Granska dina svar' })).toBeInTheDocument();
  });

  it('renders a page behind a namespace gate once the namespace is loaded', async () => {
    const i18n = await startedInstance();
    await renderSuspending(
      inGate(
        i18n,
        <NamespaceGate namespace="classroom">
          <JoinTitle />
        </NamespaceGate>,
      ),
    );
    expect(await screen.findByRole('heading', { level: 1 })).not.toHaveTextContent('join.title');
  });

  // The gates read the instance through useTranslation, which hands out a copy made again on each
  // mount: were loads kept per copy, a page hydrating in the browser started a new load on each
  // retry and waited for ever (the app's e2e suite caught it).
  it('shares one load between the instance and the copies useTranslation hands out', async () => {
    const i18n = await startedInstance();
    const copy = Object.assign(Object.create(i18n) as typeof i18n, { __original: i18n });
    expect(originalInstance(copy)).toBe(i18n);
    expect(loadStrings(copy, 'sv', 'pages')).toBe(loadStrings(i18n, 'sv', 'pages'));
    expect(loadNamespace(copy, 'teacher', 'sv')).toBe(loadNamespace(i18n, 'teacher', 'sv'));
  });

  it('renders at once, without suspending, when the strings were loaded ahead (as main.tsx does)', async () => {
    const i18n = await startedInstance();
    const pending = loadStrings(i18n, 'sv', 'pages');
    await pending;
    expect(pending).toMatchObject({ status: 'fulfilled' });
    render(
      inGate(
        i18n,
        <PageStringsGate>
          <ReviewTitle />
        </PageStringsGate>,
      ),
    );
    expect(screen.getByRole('heading', { name: 'Granska dina svar' })).toBeInTheDocument();
  });
});
