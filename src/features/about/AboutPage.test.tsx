// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import sv from '../../i18n/locales/sv.json';
import { useAnswers } from '../../state/answers-store.ts';
import { renderPage } from '../../test/render-app.tsx';
import { AboutPage } from './AboutPage.tsx';

const renderAbout = () => renderPage(<AboutPage />, { path: '/om', route: '/om' });

describe('AboutPage', () => {
  it('has its headings in order', () => {
    renderAbout();
    expect(screen.getByRole('heading', { level: 1, name: 'Om valkompassen' })).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      'Integritet',
      'Källor',
    ]);
  });

  it('shows the intro and the privacy paragraphs', () => {
    renderAbout();
    for (const text of [...sv.about.intro, ...sv.about.privacy])
      expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByText(/Vi använder inga kakor/)).toBeInTheDocument();
  });

  it('links to every party’s programme source in a new tab', () => {
    renderAbout();
    for (const [name, url] of [
      ['Alfapartiet i Exempelby', 'https://example.org/a'],
      ['Betapartiet i Exempelby', 'https://example.org/b'],
    ] as const) {
      const link = screen.getByRole('link', { name });
      expect(link).toHaveAttribute('href', url);
      expect(link).toHaveAttribute('target', '_blank');
      expect(link).toHaveAttribute('rel', expect.stringContaining('noopener'));
    }
    expect(screen.getByText(sv.about.openData)).toBeInTheDocument();
  });

  it('lets the visitor clear the stored answers, after confirming', async () => {
    const user = userEvent.setup();
    renderAbout();
    act(() => useAnswers.getState().answer('fler-bibliotek', 1));
    await user.click(screen.getByRole('button', { name: 'Rensa mina svar' }));
    await user.click(screen.getByRole('button', { name: 'Ja, rensa' }));
    expect(useAnswers.getState().answers).toEqual({});
    expect(within(screen.getByRole('main')).getByRole('status')).toHaveTextContent(
      'Dina svar är borttagna från den här enheten.',
    );
  });
});
