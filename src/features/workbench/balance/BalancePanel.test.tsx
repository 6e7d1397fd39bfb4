// @vitest-environment jsdom
// The workbench's string namespaces are added when its code loads; a test renders parts alone.
import '../strings.ts';
import { readFileSync } from 'node:fs';
import { act, getDefaultNormalizer, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NamespaceGate } from '../../../components/NamespaceGate.tsx';
import type { Compass, Stance } from '../../../domain/bank/types.ts';
import { type DraftBalance, draftBalance } from '../../../domain/workbench/balance.ts';
import { createI18n, switchLanguage } from '../../../i18n/i18n.ts';
import { buildCompass } from '../../../test/compass-builder.ts';
import { renderPage } from '../../../test/render-app.tsx';
import { loadValidBank } from '../../../tools/load-bank.ts';
import { BalancePanel } from './BalancePanel.tsx';
import type { BalanceStatus } from './use-draft-balance.ts';

const NB = '\u00a0';
/** Text matching that keeps no-break spaces (the default normalizer turns them into spaces). */
const keepSpaces = { normalizer: getDefaultNormalizer({ collapseWhitespace: false }) };
const real = loadValidBank('questions/socialpolitik');
// The committed balance report: the panel shows its figures for the same voters and seed.
const report = readFileSync('questions/socialpolitik/REPORT.md', 'utf8');

async function renderPanel(
  balance: DraftBalance | null,
  {
    status = 'ready',
    updates = 1,
    language = 'sv',
  }: {
    status?: BalanceStatus;
    updates?: number;
    language?: 'sv' | 'en';
  } = {},
) {
  const i18n = createI18n();
  if (language !== 'sv') await switchLanguage(i18n, language);
  let view: ReturnType<typeof renderPage> | undefined;
  await act(async () => {
    view = renderPage(
      <NamespaceGate namespace="workbenchBalance">
        <BalancePanel balance={balance} status={status} updates={updates} />
      </NamespaceGate>,
      { i18n },
    );
  });
  await screen.findByRole('heading', { level: 2, name: language === 'sv' ? 'Balans' : 'Balance' });
  return view!;
}

const rowsOf = (name: string) =>
  within(screen.getByRole('table', { name }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

const COVERAGE =
  'Partiernas täckning: hur många påståenden programmet tar ställning till, uttryckligen eller underförstått';
const YES = 'En väljare som svarar ”helt för” på varje påstående: matchning per parti';
const FIRST = 'Andel slumpvisa väljare som får partiet på första plats';
const ALL = 'Andel slumpvisa väljare som får alla partier rangordnade';

describe('BalancePanel', () => {
  const balance = draftBalance(real, { voters: 1000 });

  it("shows the shipped compass's figures as the bank report has them, units kept with numbers", async () => {
    await renderPanel(balance);
    const n = real.statements.length;
    expect(rowsOf(COVERAGE)).toEqual(
      balance.parties.map((p) => [
        p.name,
        `${p.stated} av ${n}`,
        `${Math.round((100 * p.stated) / n)}${NB}%`,
        String(p.implied),
        'Ja',
      ]),
    );
    const first = rowsOf(FIRST);
    expect(first.map((row) => row[0])).toEqual(real.parties.map((p) => p.name));
    // Each column is a row of the report's random-voter table, with the same one-decimal shares.
    balance.randomVoters.forEach((row, k) => {
      const shares = first.map((cells) => cells[k + 1]!.replace(NB, ' '));
      expect(report).toContain(`| ${Math.round(100 * row.skipped)} % | ${shares.join(' | ')} |`);
    });
    expect(rowsOf(ALL)).toEqual([
      ['Svarar på allt', `100,0${NB}%`],
      [`Hoppar över 10${NB}%`, expect.stringMatching(new RegExp(`^\\d+,\\d${NB}%$`)) as string],
      [`Hoppar över 30${NB}%`, expect.stringMatching(new RegExp(`^\\d+,\\d${NB}%$`)) as string],
    ]);
    expect(screen.getByRole('status')).toHaveTextContent('Uppdaterad');
    expect(screen.getByText(/1000 simulerade väljare per kolumn/)).toBeInTheDocument();
    expect(
      screen.getByText(new RegExp(`högst 1,6${NB}procentenheter`), keepSpaces),
    ).toBeInTheDocument();
  });

  it("shows the yes-sayer's match per party with the rule, and names the top match", async () => {
    await renderPanel(balance);
    const yes = balance.yesSayer!;
    const limit = real.rules.maxAgreeAllPercent;
    expect(screen.getByRole('columnheader', { name: `Högst ${limit}${NB}%` })).toBeInTheDocument();
    expect(rowsOf(YES)).toEqual(
      yes.parties.map((p) => [
        real.parties.find((q) => q.id === p.party)!.name,
        `${p.percent}${NB}%`,
        String(p.rank),
        'Ja',
      ]),
    );
    const top = real.parties.filter((p) => yes.top.includes(p.id)).map((p) => p.name);
    expect(
      screen.getByText(
        `Högst hamnar: ${new Intl.ListFormat('sv', { type: 'conjunction' }).format(top)}.`,
      ),
    ).toBeInTheDocument();
  });

  it('says when cells are not coded yet, and which rules a draft does not meet', async () => {
    const silent: Stance = { position: null, confidence: 0, quotes: [], rationale: '' };
    const forAll: Stance = { position: 1, confidence: 1, quotes: ['q'], rationale: '' };
    const implied: Stance = { position: -1, confidence: 0.5, quotes: ['q'], rationale: '' };
    // "b" is not coded on s4; it takes a stand (implied) on s1 only.
    const stances: Record<string, Stance>[] = [
      { a: forAll, b: implied },
      { a: forAll, b: silent },
      { a: forAll, b: silent },
      { a: forAll },
    ];
    const built = buildCompass({
      parties: [
        { id: 'a', name: 'Alfapartiet' },
        { id: 'b', name: 'Betapartiet' },
      ],
      statements: stances.map((row, j) => ({ id: `s${j + 1}`, stances: row })),
    });
    const draft: Compass = {
      ...built,
      rules: { ...built.rules, minCoverage: 0.5, minLessShare: 0.25, maxAgreeAllPercent: 80 },
    };
    await renderPanel(draftBalance(draft, { voters: 20 }));
    expect(
      screen.getByText(
        '1 av 8 rutor (ett påstående för ett parti) är inte kodade än. Siffrorna räknar dem som att programmet är tyst.',
      ),
    ).toBeInTheDocument();
    expect(rowsOf(COVERAGE)).toEqual([
      ['Alfapartiet', '4 av 4', `100${NB}%`, '0', '0', 'Ja'],
      ['Betapartiet', '1 av 4', `25${NB}%`, '1', '1', 'Nej'],
    ]);
    expect(screen.getByRole('columnheader', { name: 'Inte kodade' })).toBeInTheDocument();
    expect(
      screen.getByText(`Regeln kräver minst 25${NB}%: inte uppfylld.`, keepSpaces),
    ).toBeInTheDocument();
    expect(rowsOf(YES)[0]).toEqual(['Alfapartiet', `100${NB}%`, '1', 'Nej']);
    expect(rowsOf(YES)[1]).toEqual([
      'Betapartiet',
      expect.any(String) as string,
      'Ingen placering',
      'Ja',
    ]);
  });

  it('says the figures are being recomputed, with the status line emptied until they are', async () => {
    await renderPanel(balance, { status: 'computing' });
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    expect(screen.getByText('Räknar om …')).toBeInTheDocument();
    expect(screen.getByRole('region', { name: 'Balans' })).toHaveAttribute('aria-busy', 'true');
    expect(screen.getByRole('table', { name: COVERAGE })).toBeInTheDocument();
  });

  it('says when there are no figures yet, or they could not be computed', async () => {
    const idle = await renderPanel(null, { status: 'idle', updates: 0 });
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    expect(screen.queryByText('Balansen räknas fram …')).toBeNull();
    idle.unmount();
    const view = await renderPanel(null, { status: 'computing', updates: 0 });
    expect(screen.getByText('Balansen räknas fram …')).toBeInTheDocument();
    expect(screen.queryByRole('table')).toBeNull();
    view.unmount();
    await renderPanel(balance, { status: 'error' });
    expect(screen.getByRole('status')).toHaveTextContent(
      'Det gick inte att räkna fram balansen för den här versionen av utkastet. Siffrorna som visas gäller en tidigare version.',
    );
  });

  it('speaks English', async () => {
    await renderPanel(balance, { language: 'en' });
    expect(screen.getByRole('status')).toHaveTextContent('Updated');
    const first = within(
      screen.getByRole('table', {
        name: 'Share of random voters who get the party in first place',
      }),
    ).getAllByRole('columnheader');
    expect(first.map((h) => h.textContent)).toEqual([
      'Party',
      'Answers everything',
      `Skips 10${NB}%`,
      `Skips 30${NB}%`,
    ]);
    expect(
      screen.getByRole('table', { name: 'Share of random voters who get every party ranked' })
        .textContent,
    ).toContain(`100.0${NB}%`);
  });
});
