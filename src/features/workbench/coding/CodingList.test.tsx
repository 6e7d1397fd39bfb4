// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CodingList } from './CodingList.tsx';
import { coding, OTHER_PARTY, PARTY, STATEMENT } from './fixtures.ts';
import { renderCoding } from './render-coding.tsx';

const SECOND = {
  ...STATEMENT,
  id: 'ingen-hemloshet',
  order: 0,
  text: { sv: 'Ingen ska vara hemlös.' },
};

describe('CodingList', () => {
  it('lists every cell with its state, statements in order, and opens one', async () => {
    const user = userEvent.setup();
    const onOpen = vi.fn();
    await renderCoding(
      <CodingList
        statements={[STATEMENT, SECOND]}
        parties={[PARTY, OTHER_PARTY]}
        codings={[
          coding(),
          coding({ party: OTHER_PARTY.id, quoteLost: true }),
          coding({ statement: SECOND.id, kind: 'silent', position: null, quote: null }),
        ]}
        onOpen={onOpen}
      />,
    );
    expect(screen.getByText('3 av 4 celler kodade')).toBeInTheDocument();
    const groups = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(groups).toEqual([SECOND.text.sv, STATEMENT.text.sv]);
    const items = screen
      .getAllByRole('list')
      .slice(1)
      .map((list) =>
        within(list)
          .getAllByRole('listitem')
          .map((li) => li.textContent),
      );
    expect(items).toEqual([
      ['Miljöpartiet:kodadÄndra MP', 'Vänsterpartiet:ej kodadKoda V'],
      ['Miljöpartiet:kodadÄndra MP', 'Vänsterpartiet:citat saknasVälj citat för V'],
    ]);
    const fix = screen.getByRole('button', { name: 'Välj citat för V' });
    expect(fix).toHaveAccessibleDescription(STATEMENT.text.sv);
    await user.click(fix);
    expect(onOpen).toHaveBeenCalledWith(STATEMENT.id, OTHER_PARTY.id);
  });

  it('speaks English when the app does', async () => {
    await renderCoding(
      <CodingList
        statements={[STATEMENT]}
        parties={[PARTY, OTHER_PARTY]}
        codings={[coding()]}
        onOpen={() => {}}
      />,
      'en',
    );
    expect(screen.getByRole('heading', { name: 'Your cells' })).toBeInTheDocument();
    expect(screen.getByText('1 of 2 cells coded')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Code V' })).toBeInTheDocument();
  });
});
