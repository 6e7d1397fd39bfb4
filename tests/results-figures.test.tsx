// @vitest-environment jsdom
/**
 * One number, one rounding: for generated voters (a few hundred in the sweep) on the real compass, every
 * party's figures read the same wherever the results show them (ranking, party page, methods
 * table, theme chart and theme table), and each equals the engine's exact round-half-up.
 * "Cannot tell" reads as words, never as 0 %.
 */
import { act, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { paths } from '../src/config/paths.ts';
import { CompassProvider } from '../src/context/compass-context.tsx';
import { POSITIONS } from '../src/domain/bank/types.ts';
import type { ScoredVoter, VoterAnswer } from '../src/domain/scoring/index.ts';
import { scoreVoter } from '../src/domain/scoring/index.ts';
import { PartyDetail } from '../src/features/results/PartyDetail.tsx';
import { ResultsView } from '../src/features/results/ResultsView.tsx';
import { createI18n } from '../src/i18n/i18n.ts';
import sv from '../src/i18n/locales/sv.json';
import { useAnswers } from '../src/state/answers-store.ts';
import { fuzzRuns } from '../src/test/tier.ts';
import { loadValidBank } from '../src/tools/load-bank.ts';
import { seeded } from '../src/tools/robustness-report.ts';

const compass = loadValidBank('questions/socialpolitik');
// A few dozen voters in `npm test`, a few hundred in the sweep.
const VOTERS = fuzzRuns(24, 200);

/** Voters of every kind: from one answer to all, some skips, some important. */
function generatedVoters(): Record<string, VoterAnswer>[] {
  const random = seeded(8);
  return Array.from({ length: VOTERS }, (_, n) => {
    // A spread of how much is answered: a few with 1–3 answers ("cannot tell" cases), the
    // rest with 0–60 % skipped.
    const keep = n % 12 === 0 ? 1 + (n % 3) : compass.statements.length;
    const skip = (n % 6) / 10;
    const answers: Record<string, VoterAnswer> = {};
    compass.statements.forEach((s, j) => {
      answers[s.id] =
        j >= keep || random() < skip
          ? { answer: 'skip' }
          : {
              answer: POSITIONS[Math.floor(random() * POSITIONS.length)]!,
              ...(random() < 0.2 ? { important: true } : {}),
            };
    });
    return answers;
  });
}

const label = (id: string) => {
  const party = compass.parties.find((p) => p.id === id)!;
  return `${party.name} (${party.municipality})`;
};
const number = (text: string, pattern: RegExp): number[] => {
  const match = pattern.exec(text);
  if (!match) throw new Error(`"${text}" does not match ${String(pattern)}`);
  return match.slice(1).map(Number);
};
const RANGE = /(\d+)\u00a0% \((\d+)–(\d+)\)/;
const AGREEMENT = /till (\d+)\u00a0%\.$/;
const UNKNOWN = /går inte att säga hur mycket ni håller med varandra/;

/** What the results page shows for each party, read off the screen. */
function readResults(result: ScoredVoter) {
  const shown = new Map<
    string,
    { percent: number; range?: number[]; agreement?: number | 'unknown'; method: number }
  >();
  const ranking = screen.getAllByRole('list').find((l) => l.classList.contains('ranking'))!;
  for (const item of within(ranking).queryAllByRole('listitem')) {
    const text = item.textContent ?? '';
    const id = result.parties.find((p) => text.includes(label(p.party)))!.party;
    const [percent, low, high] = number(text, RANGE);
    const coverage = item.querySelector('.coverage')!.textContent ?? '';
    shown.set(id, {
      percent: percent!,
      range: [low!, high!],
      agreement: UNKNOWN.test(coverage) ? 'unknown' : number(coverage, AGREEMENT)[0]!,
      method: -1,
    });
  }
  const unranked = screen.queryByRole('region', { name: sv.results.unrankedTitle });
  if (unranked)
    for (const item of within(unranked).getAllByRole('listitem')) {
      const text = item.textContent ?? '';
      const id = result.parties.find((p) => text.includes(label(p.party)))!.party;
      shown.set(id, { percent: number(text, /Matchning (\d+)\u00a0%/)[0]!, method: -1 });
    }
  const methods = screen.getByRole('table', { name: sv.results.methods.caption });
  for (const row of within(methods).getAllByRole('row').slice(1)) {
    const head = within(row).getByRole('rowheader').textContent ?? '';
    const id = result.parties.find((p) => head.trim() === label(p.party))!.party;
    const cells = within(row).getAllByRole('cell');
    shown.get(id)!.method = number(cells[0]!.textContent ?? '', /(\d+)\u00a0%/)[0]!;
  }
  return shown;
}

/** The theme table (all parties) and the theme chart (the party picked, the first by default). */
function readThemes(result: ScoredVoter) {
  const table = screen.getByRole('table', { name: sv.results.themes.tableCaption });
  const rows = within(table).getAllByRole('row');
  const heads = within(rows[0]!)
    .getAllByRole('columnheader')
    .slice(1)
    .map((th) => th.textContent ?? '');
  const byTheme = new Map<string, (number | null)[]>();
  for (const row of rows.slice(1)) {
    const name = within(row).getByRole('rowheader').textContent ?? '';
    const theme = compass.themes.find((t) => t.name.sv === name)!;
    byTheme.set(
      theme.id,
      within(row)
        .getAllByRole('cell')
        .map((cell) => {
          const match = /(\d+)\u00a0%/.exec(cell.textContent ?? '');
          return match ? Number(match[1]) : null;
        }),
    );
  }
  expect(heads).toHaveLength(result.parties.length);
  const chart = new Map<string, number | null>();
  const figure = screen.getByRole('figure');
  for (const item of within(figure).getAllByRole('listitem')) {
    const name = item.querySelector('.theme-name')!.textContent ?? '';
    const theme = compass.themes.find((t) => t.name.sv === name)!;
    const match = /(\d+)\u00a0%/.exec(item.querySelector('.theme-value')!.textContent ?? '');
    chart.set(theme.id, match ? Number(match[1]) : null);
  }
  const picked = (
    screen.getByRole('combobox', { name: sv.results.themes.party }) as HTMLSelectElement
  ).value;
  return { byTheme, chart, picked: result.parties.findIndex((p) => p.party === picked) };
}

describe('every figure is shown once-rounded and the same everywhere', () => {
  it(`holds for ${VOTERS} generated voters on the real compass`, () => {
    const i18n = createI18n();
    const voters = generatedVoters();
    let cannotTell = 0;
    let checked = 0;
    const view = render(<div />);
    voters.forEach((answers, n) => {
      const result = scoreVoter(compass, { answers });
      if (result.status !== 'ok') return;
      view.rerender(
        <I18nextProvider i18n={i18n}>
          <MemoryRouter>
            <ResultsView compass={compass} result={result} own />
          </MemoryRouter>
        </I18nextProvider>,
      );
      const shown = readResults(result);
      for (const p of result.parties) {
        const s = shown.get(p.party)!;
        expect(s.percent, `${p.party}, voter ${n}`).toBe(p.percent);
        expect(s.method, `${p.party}, voter ${n}`).toBe(p.percent);
        if (s.range) expect(s.range).toEqual([p.percent, p.range[0], p.range[1]].slice(1));
        if (s.agreement !== undefined)
          expect(s.agreement).toBe(p.agreementPercent === null ? 'unknown' : p.agreementPercent);
      }
      const { byTheme, chart, picked } = readThemes(result);
      expect(picked).toBeGreaterThanOrEqual(0);
      for (const [theme, scores] of Object.entries(result.themes)) {
        expect(byTheme.get(theme)).toEqual(scores.percent);
        expect(chart.get(theme)).toBe(scores.percent[picked]);
      }

      // The party page of one party per voter (in turn) says the same.
      const party = result.parties[n % result.parties.length]!;
      act(() => {
        useAnswers.setState({
          ...useAnswers.getInitialState(),
          compassId: compass.id,
          compassVersion: compass.version,
          answers: Object.fromEntries(
            Object.entries(answers).filter(([, a]) => a.answer !== 'skip'),
          ),
        });
      });
      const page = render(
        <I18nextProvider i18n={i18n}>
          <MemoryRouter initialEntries={[paths.party(party.party)]}>
            <CompassProvider value={compass}>
              <Routes>
                <Route path={paths.partyPattern} element={<PartyDetail />} />
              </Routes>
            </CompassProvider>
          </MemoryRouter>
        </I18nextProvider>,
      );
      const lead = page.container.querySelector('.lead')!.textContent ?? '';
      expect(number(lead, /till (\d+)\u00a0% \(mellan (\d+) och (\d+)\u00a0%/)).toEqual([
        party.percent,
        party.range[0],
        party.range[1],
      ]);
      if (party.agreementPercent === null) {
        expect(lead).toMatch(UNKNOWN);
        expect(lead).not.toMatch(/till 0\u00a0%\.$/);
        cannotTell++;
      } else expect(number(lead, AGREEMENT)[0]).toBe(party.agreementPercent);
      page.unmount();
      checked++;
    });
    // The generated voters must reach the cases that matter.
    expect(checked).toBeGreaterThan(VOTERS * 0.9);
    expect(cannotTell).toBeGreaterThan(0);
  }, 240_000);
});
