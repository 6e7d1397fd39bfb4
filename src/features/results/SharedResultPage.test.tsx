// @vitest-environment jsdom
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { Layout } from '../../app/Layout.tsx';
import { CompassProvider } from '../../context/compass-context.tsx';
import type { Compass } from '../../domain/bank/types.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { decodeShare, encodeShare, type ShareProblem } from '../../domain/share-link/share-code.ts';
import { createI18n } from '../../i18n/i18n.ts';
import sv from '../../i18n/locales/sv.json';
import { useAnswers } from '../../state/answers-store.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { ReviewPage } from '../review/ReviewPage.tsx';
import { SharedResultPage } from './SharedResultPage.tsx';

/** b ranked first at 84 % (79–96); a unranked at 56 %. */
const VOTER: Voter = {
  answers: {
    'fler-bibliotek': { answer: 1, important: true },
    'kulturskola-avgift': { answer: 0.5 },
    'balans-fore-satsningar': { answer: 1 },
    'foreningsdrivna-bibliotek': { answer: 1 },
  },
};
const CODE = encodeShare(demoCompass, VOTER);

const renderShared = (fragment: string, compass: Compass = demoCompass) =>
  renderPage(<SharedResultPage />, { path: `/delat${fragment}`, route: '/delat', compass });

/** The shared result with the review page behind it, where "Utgå från de här svaren" leads. */
function renderSharedAndReview(fragment: string) {
  useAnswers.setState(useAnswers.getInitialState(), true);
  useAnswers.getState().bindCompass(demoCompass.id, demoCompass.version);
  return render(
    <I18nextProvider i18n={createI18n()}>
      <MemoryRouter initialEntries={[`/delat${fragment}`]}>
        <CompassProvider value={demoCompass}>
          <Routes>
            <Route element={<Layout />}>
              <Route path="/delat" element={<SharedResultPage />} />
              <Route path="/granska" element={<ReviewPage />} />
            </Route>
          </Routes>
        </CompassProvider>
      </MemoryRouter>
    </I18nextProvider>,
  );
}

const expectProblem = (problem: ShareProblem) => {
  expect(screen.getByRole('heading', { level: 1, name: 'Ett delat resultat' })).toBeVisible();
  expect(screen.getByRole('alert')).toHaveTextContent(sv.shared.problem[problem]);
  expect(screen.queryAllByText(/%/)).toEqual([]);
  expect(screen.queryByRole('table')).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Utgå från de här svaren' })).not.toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Gör testet själv' })).toHaveAttribute('href', '/');
};

describe('SharedResultPage with a valid link', () => {
  it('shows the shared result, without links to the sharer’s party details', () => {
    renderShared(`#${CODE}`);
    expect(screen.getByRole('heading', { level: 1, name: 'Ett delat resultat' })).toBeVisible();
    expect(
      screen.getByText(
        'Någon har delat sitt resultat med dig. Så här stämmer deras svar med partiernas program.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    const ranking = screen.getAllByRole('list').find((l) => l.classList.contains('ranking'))!;
    const first = within(ranking).getByRole('listitem');
    expect(first).toHaveTextContent('Betapartiet (Exempelby)');
    expect(first).toHaveTextContent(/\d+ % \(\d+–\d+\)/);
    expect(screen.queryByRole('link', { name: /Se hur du och/ })).not.toBeInTheDocument();
    expect(
      screen.getByRole('table', { name: 'Procent och placering under tre räknesätt' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Gör testet själv' })).toHaveAttribute('href', '/');
  });

  it('does not touch the visitor’s own answers just by showing the result', () => {
    renderShared(`#${CODE}`);
    expect(useAnswers.getState().answers).toEqual({});
  });

  it('"Utgå från de här svaren" copies the answers into the store and opens the review', async () => {
    const user = userEvent.setup();
    renderSharedAndReview(`#${CODE}`);
    act(() => useAnswers.getState().answer('kulturskola-avgift', -1));
    await user.click(screen.getByRole('button', { name: 'Utgå från de här svaren' }));
    expect(useAnswers.getState().answers).toEqual(VOTER.answers);
    expect(useAnswers.getState().parties).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Granska dina svar' })).toBeVisible();
    expect(screen.getByText(/^Du har svarat på 4 av 4 påståenden\./)).toBeInTheDocument();
  });

  it('takes over the sharer’s party filter too', async () => {
    const user = userEvent.setup();
    renderSharedAndReview(`#${encodeShare(demoCompass, { ...VOTER, parties: ['b'] })}`);
    expect(screen.queryByText(/Alfapartiet/)).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Utgå från de här svaren' }));
    expect(useAnswers.getState().parties).toEqual(['b']);
  });
});

describe('SharedResultPage with a bad link', () => {
  it('says a link without a result is empty', () => {
    renderShared('');
    expectProblem('empty');
  });

  it('says a broken link cannot be read', () => {
    expect(decodeShare(demoCompass, '#inte-en-kod')).toEqual({ ok: false, problem: 'malformed' });
    renderShared('#inte-en-kod');
    expectProblem('malformed');
  });

  it('says a cut-off link is truncated', () => {
    const cut = CODE.slice(0, -4);
    expect(decodeShare(demoCompass, cut)).toEqual({ ok: false, problem: 'truncated' });
    renderShared(`#${cut}`);
    expectProblem('truncated');
  });

  it('says a tampered link was changed', () => {
    const at = CODE.lastIndexOf('.') + 2;
    const tampered = CODE.slice(0, at) + (CODE[at] === 'A' ? 'B' : 'A') + CODE.slice(at + 1);
    expect(decodeShare(demoCompass, tampered)).toEqual({ ok: false, problem: 'corrupt' });
    renderShared(`#${tampered}`);
    expectProblem('corrupt');
  });

  it('says a link for another version of the questions is outdated', () => {
    const newer: Compass = { ...demoCompass, version: '2.0.0' };
    expect(decodeShare(newer, CODE)).toEqual({ ok: false, problem: 'outdated' });
    renderShared(`#${CODE}`, newer);
    expectProblem('outdated');
  });

  it('says a link for another compass belongs elsewhere', () => {
    renderShared(`#${CODE.replace('1.demo.', '1.annan.')}`);
    expectProblem('other-compass');
  });

  it('says a link of another format version cannot be shown', () => {
    renderShared(`#${CODE.replace(/^1\./, '2.')}`);
    expectProblem('unsupported-version');
  });
});
