// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Compass } from '../../domain/bank/types.ts';
import { demoCompass, renderInReadings, renderPage } from '../../test/render-app.tsx';
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

  it('marks each party with its colour, drawn rather than styled inline, and hidden from screen readers', () => {
    renderList();
    const item = screen.getByRole('listitem', {
      name: 'Kulturskolan ska kosta pengar för eleverna.',
    });
    // A prerendered page's policy allows no inline styles, so the colour is an SVG fill.
    const swatches = [...item.querySelectorAll('.party-swatch')];
    expect(swatches.map((swatch) => swatch.querySelector('circle')?.getAttribute('fill'))).toEqual(
      demo.parties.map((party) => party.colour),
    );
    for (const swatch of swatches) {
      expect(swatch).toHaveAttribute('aria-hidden', 'true');
      expect(swatch).not.toHaveAttribute('style');
    }
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
    const { location } = renderInReadings(<StatementList compass={demo} />, {
      path: '/pastaenden',
      route: 'pastaenden',
    });
    const banner = () => within(screen.getByRole('banner'));
    await user.click(banner().getByRole('link', { name: 'English' }));
    expect(
      await screen.findByRole('heading', {
        level: 1,
        name: 'Statements and the parties’ positions',
      }),
    ).toBeInTheDocument();
    expect(location()).toBe('/en/pastaenden');
    expect(
      screen.getByRole('heading', { name: 'The municipality should build more libraries.' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText(/Fully disagree/).length).toBeGreaterThan(0);
    expect(document.documentElement.lang).toBe('en');
    expect(banner().getByRole('link', { name: 'English' })).toHaveAttribute('aria-current', 'true');
    expect(banner().getByRole('link', { name: 'Svenska' })).toHaveAttribute('href', '/pastaenden');
  });
});
