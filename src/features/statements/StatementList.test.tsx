// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { StatementList } from './StatementList.tsx';

const demo = demoCompass;

function renderList(compass: Compass = demo) {
  return renderPage(<StatementList compass={compass} />, { compass });
}

describe('StatementList', () => {
  it('shows every statement as a heading with each party’s position and verbatim quote', () => {
    renderList();
    const item = screen.getByRole('listitem', {
      name: 'Kulturskolan ska kosta pengar för eleverna.',
    });
    expect(within(item).getByText(/A\b/, { selector: 'strong' })).toBeInTheDocument();
    expect(within(item).getByText(/Helt emot/)).toBeInTheDocument();
    expect(within(item).getByText(/Delvis för/)).toBeInTheDocument();
    expect(
      within(item).getByText('Vi säger nej till avgifter i kulturskolan.'),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 })).toHaveLength(4);
  });

  it('says a silent programme is silent, not neutral', () => {
    renderList();
    const item = screen.getByRole('listitem', { name: 'Kommunen ska bygga fler bibliotek.' });
    expect(within(item).getByText(/Programmet säger inget om detta/)).toBeInTheDocument();
    expect(within(item).queryByText(/Varken för eller emot/)).not.toBeInTheDocument();
  });

  it('shows markup in bank text as plain text, never rendered', () => {
    const first = demo.statements[0]!;
    const hostile = '<b>fet</b> & <img src=x onerror=alert(1)>';
    renderList({
      ...demo,
      statements: [{ ...first, text: { ...first.text, sv: hostile } }, ...demo.statements.slice(1)],
    });
    expect(screen.getByRole('heading', { name: hostile })).toBeInTheDocument();
    expect(document.querySelector('b, img')).toBeNull();
  });

  it('switches to English without losing the page', async () => {
    const user = userEvent.setup();
    renderList();
    await user.click(screen.getByRole('button', { name: 'English' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Statements and the parties’ positions',
      }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'The municipality should build more libraries.' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Fully disagree/).length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('button', { name: 'English' })).toHaveAttribute('aria-pressed', 'true');
  });
});
