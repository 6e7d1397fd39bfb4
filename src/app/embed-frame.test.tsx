// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { useRoutes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createI18n } from '../i18n/i18n.ts';
import { useAnswers } from '../state/answers-store.ts';
import { demoCompass } from '../test/render-app.tsx';
import { toOpenData } from '../tools/open-data.ts';
import { embedded } from './embed-frame.tsx';
import { routes } from './routes.tsx';

function App() {
  return useRoutes(routes);
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('the embed frame (/embed/<compass>)', () => {
  it('runs a compass published on the service, which the site was not built with', async () => {
    const id = 'pub-embed';
    vi.stubGlobal('fetch', (url: string) =>
      Promise.resolve(
        url.endsWith(`/data/${id}.json`)
          ? new Response(JSON.stringify(toOpenData({ ...demoCompass, id })))
          : new Response('', { status: 404 }),
      ),
    );
    useAnswers.setState(useAnswers.getInitialState(), true);
    window.history.replaceState(null, '', `/embed/${id}?start=quiz&lang=sv&theme=light`);
    // The bridge to the host page measures the frame's content, which jsdom cannot; with a light
    // theme it does not ask for the reader's colour scheme either.
    vi.stubGlobal(
      'ResizeObserver',
      class {
        observe() {}
        disconnect() {}
      },
    );
    const start = embedded(id, App);
    expect(start.at).toBe(`/${id}/fraga/1`);
    expect(start.language).toBe('sv');
    await act(async () => {
      render(<I18nextProvider i18n={createI18n()}>{start.app}</I18nextProvider>);
    });
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Kommunen ska bygga fler bibliotek.' }),
    ).toBeInTheDocument();
    expect(useAnswers.getState().compassId).toBe(id);
  });
});
