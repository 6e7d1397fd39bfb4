// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import type { ReactElement } from 'react';
import { describe, expect, it } from 'vitest';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import type { Position, Stance } from '../../domain/bank/types.ts';
import type { RandomizedCounters } from '../../domain/classroom/randomized-counters.ts';
import {
  type RandomizedClassFigures,
  randomizedClassResult,
} from '../../domain/classroom/randomized-estimate.ts';
import { createI18n, switchLanguage } from '../../i18n/i18n.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { closedFigures, TWENTY_SUBMISSIONS } from '../../test/twenty-submissions.ts';
import { ESTIMATE_ORDER, EstimatedResults, TooFewSubmissions, Z95 } from './EstimatedResults.tsx';

const NB = '\u00a0';

const COUNTERS = TWENTY_SUBMISSIONS;
const figures = (): RandomizedClassFigures => closedFigures(demoCompass, COUNTERS);

const LABEL = {
  for: 'För',
  varken: 'Varken för eller emot',
  emot: 'Emot',
  'hoppade-over': 'Hoppade över',
} as const;

/** Renders `element` with the teacher namespace's strings (loaded lazily, as on the page). */
async function renderEstimates(element: ReactElement) {
  await act(async () => {
    renderPage(<NamespaceGate namespace="teacher">{element}</NamespaceGate>);
  });
}

async function renderFigures(result: RandomizedClassFigures = figures()) {
  await renderEstimates(<EstimatedResults compass={demoCompass} figures={result} />);
  await screen.findByRole('heading', { level: 2, name: 'Partierna och klassens profil' });
}

const rowsOf = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

const statementTable = (number: number) =>
  screen.getByRole('table', { name: `Klassens uppskattade svar på påstående ${number}` });

describe('EstimatedResults', () => {
  it('shows every statement in compass order with its estimates and SEs in a table', async () => {
    const result = figures();
    await renderFigures(result);
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(
      demoCompass.statements.map((s, i) => `${i + 1}. ${s.text.sv}`),
    );
    demoCompass.statements.forEach((statement, i) => {
      const estimate = result.statements[statement.id]!;
      expect(rowsOf(statementTable(i + 1))).toEqual(
        ESTIMATE_ORDER.map((category) => {
          const c = estimate.categories[category];
          const bound = (x: number) => Math.round(100 * Math.min(1, Math.max(0, x)));
          return [
            LABEL[category],
            `${c.sharePercent}${NB}% ±${NB}${Math.round(100 * c.standardError)}${NB}procentenheter`,
            `${bound(c.estimate - Z95 * c.standardError)}–${bound(c.estimate + Z95 * c.standardError)}${NB}%`,
            String(c.observed),
          ];
        }),
      );
    });
  });

  it('has the hand-checked figures, with the interval clamped to 0–100 %', async () => {
    await renderFigures();
    const first = rowsOf(statementTable(1));
    expect(first[0]).toEqual([
      'För',
      `100${NB}% ±${NB}17${NB}procentenheter`,
      `67–100${NB}%`,
      '14',
    ]);
    expect(first[2]).toEqual(['Emot', `0${NB}% ±${NB}11${NB}procentenheter`, `0–22${NB}%`, '2']);
    expect(rowsOf(statementTable(2))[2]).toEqual([
      'Emot',
      `50${NB}% ±${NB}18${NB}procentenheter`,
      `14–86${NB}%`,
      '8',
    ]);
    // The bar's interval is the clamped one too.
    const bars = statementTable(1).querySelectorAll('svg.estimate-bar');
    expect(bars).toHaveLength(4);
    const forBar = bars[0]!;
    expect(forBar).toHaveAttribute('aria-hidden', 'true');
    expect(forBar.querySelector('rect.share')).toHaveAttribute('width', '100');
    const interval = forBar.querySelector('g.interval-line')!;
    expect([interval.getAttribute('data-low'), interval.getAttribute('data-high')]).toEqual([
      '67',
      '100',
    ]);
    for (const line of forBar.querySelectorAll('line')) {
      for (const x of ['x1', 'x2']) {
        const value = Number(line.getAttribute(x));
        expect(value).toBeGreaterThanOrEqual(0);
        expect(value).toBeLessThanOrEqual(100);
      }
    }
  });

  it('says why the figures are uncertain and which statement the class skipped', async () => {
    await renderFigures();
    expect(screen.getByText(/^Varje elevs svar slumpades innan det skickades/)).toBeInTheDocument();
    const skipped = screen.getAllByText(/Det räknas därför som överhoppat/);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]!.closest('li')).toHaveAccessibleName(
      `4. ${demoCompass.statements[3]!.text.sv}`,
    );
  });

  it("shows the class profile's agreement per party, in the order the domain returns", async () => {
    const result = figures();
    await renderFigures(result);
    expect(screen.getByText(/inte ett genomsnitt av elevernas resultat\.$/)).toBeInTheDocument();
    const table = screen.getByRole('table', {
      name: 'Klassprofilens överensstämmelse med partierna',
    });
    const parties = new Map(demoCompass.parties.map((p) => [p.id, p]));
    expect(result.profile!.parties.length).toBe(demoCompass.parties.length);
    expect(rowsOf(table)).toEqual(
      result.profile!.parties.map((p) => [
        `${parties.get(p.party)!.name} (Exempelby)`,
        `${p.percent}${NB}%`,
        p.rank === null
          ? 'Ingen placering: partiet tar ställning i för få av de påståenden klassen svarade på'
          : `${p.rank}.`,
      ]),
    );
    const headings = screen.getAllByRole('heading').map((h) => h.tagName);
    expect(headings.indexOf('H2')).toBeLessThan(headings.indexOf('H3'));
  });
});

describe('EstimatedResults, ranked parties', () => {
  it('lists ranked parties by the rank the domain gives, not in compass order', async () => {
    const stance = (position: Position): Stance => ({
      position,
      confidence: 1,
      quotes: ['q'],
      rationale: 'r',
    });
    // The class agrees with every statement (för 100 %): "yes" agrees, "no" disagrees, "mid" is
    // in between; three stated positions each, so all three are ranked.
    const ids = ['s1', 's2', 's3'];
    const compass = buildCompass({
      parties: [
        { id: 'no', name: 'Nejpartiet' },
        { id: 'mid', name: 'Mittpartiet' },
        { id: 'yes', name: 'Japartiet' },
      ],
      statements: ids.map((id) => ({
        id,
        stances: { no: stance(-1), mid: stance(0), yes: stance(1) },
      })),
    });
    const counters: RandomizedCounters = {
      p: 0.4,
      submissions: 20,
      statements: Object.fromEntries(
        ids.map((id) => [id, { emot: 2, varken: 2, for: 14, 'hoppade-over': 2 }]),
      ),
    };
    const result = randomizedClassResult(compass, counters, { open: false });
    if (!('statements' in result)) throw new Error('expected figures');
    expect(result.profile!.parties.map((p) => p.party)).toEqual(['yes', 'mid', 'no']);
    await act(async () => {
      renderPage(
        <NamespaceGate namespace="teacher">
          <EstimatedResults compass={compass} figures={result} />
        </NamespaceGate>,
        { compass },
      );
    });
    const table = await screen.findByRole('table', {
      name: 'Klassprofilens överensstämmelse med partierna',
    });
    // x = ¾ on every statement: a = 1 − |¾ − 1|/2 = 0.875 for "yes", 1 − ¾/2 = 0.625 for "mid",
    // 1 − (7/4)/2 = 0.125 for "no" (confidence 1, so e = a).
    expect(rowsOf(table)).toEqual([
      ['Japartiet (X)', `88${NB}%`, '1.'],
      ['Mittpartiet (X)', `63${NB}%`, '2.'],
      ['Nejpartiet (X)', `13${NB}%`, '3.'],
    ]);
  });
});

describe('EstimatedResults in Arabic', () => {
  it('shows the figures in Arabic, a statement without Arabic words marked as Swedish', async () => {
    const i18n = createI18n();
    await switchLanguage(i18n, 'ar');
    await act(async () => {
      renderPage(
        <NamespaceGate namespace="teacher">
          <EstimatedResults compass={demoCompass} figures={figures()} />
        </NamespaceGate>,
        { i18n },
      );
    });
    const table = await screen.findByRole('table', {
      name: 'الإجابات التقديرية للصف عن العبارة 2',
    });
    expect(rowsOf(table)[2]).toEqual([
      'معارضة',
      `50${NB}% ±${NB}18${NB}نقطة مئوية`,
      `14–86${NB}%`,
      '8',
    ]);
    const heading = screen.getAllByRole('heading', { level: 3 })[0]!;
    expect(heading.querySelector('[lang="sv"]')).toHaveAttribute('dir', 'ltr');
  });
});

describe('TooFewSubmissions', () => {
  it('gives the count and the minimum of ten', async () => {
    await renderEstimates(<TooFewSubmissions submissions={7} />);
    expect(
      await screen.findByText(
        'Omgången är stängd. Elever som skickade sina svar: 7. Klassens resultat visas bara när minst 10 elever har skickat.',
      ),
    ).toBeInTheDocument();
  });
});
