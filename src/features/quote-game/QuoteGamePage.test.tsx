// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../config/languages.ts';
import type { Compass, Stance } from '../../domain/bank/types.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { demoCompass, renderLazyPage } from '../../test/render-app.tsx';
import { seededRandom } from './draw.ts';
import { QuoteGamePage } from './QuoteGamePage.tsx';

const PARTIES = [
  { id: 'm', name: 'Morgonpartiet' },
  { id: 'k', name: 'Kvällspartiet' },
  { id: 'n', name: 'Nattpartiet' },
  { id: 'd', name: 'Dagpartiet' },
  { id: 's', name: 'Skymningspartiet' },
];

const stance = (quote: string): Stance => ({
  position: 1,
  confidence: 1,
  quotes: [quote],
  rationale: 'r',
});

/** Five parties, three statements, one quote per party and statement: 15 quotes. */
const compass: Compass = (() => {
  const base = buildCompass({
    parties: PARTIES,
    statements: ['skolor', 'parker', 'bussar'].map((id) => ({
      id,
      stances: Object.fromEntries(
        PARTIES.map((p) => [p.id, stance(`${p.name} vill satsa på ${id} i hela kommunen.`)]),
      ),
    })),
  });
  return {
    ...base,
    statements: base.statements.map((s) => ({
      ...s,
      text: {
        sv: `Kommunen ska satsa på ${s.id}.`,
        en: `EN: invest in ${s.id}.`,
        ar: `AR ${s.id}`,
      },
    })),
  };
})();

/** The party whose programme a quote on screen is from (read from the compass, not the draw). */
const partyOf = (quote: string, within: Compass = compass) => {
  for (const statement of within.statements)
    for (const [party, st] of Object.entries(statement.stances))
      if (st.quotes.includes(quote)) return { party, statement };
  throw new Error(`not a quote: ${quote}`);
};

async function renderGame({
  seed = 1,
  use = compass,
  language = 'sv',
  easy = false,
}: { seed?: number; use?: Compass; language?: Language; easy?: boolean } = {}) {
  const { i18n } = await renderLazyPage(<QuoteGamePage random={seededRandom(seed)} />, {
    path: '/vem-sa-vad',
    route: '/vem-sa-vad',
    compass: use,
    language,
    easy,
  });
  return i18n;
}

const quoteText = () => screen.getByLabelText(/^(Citatet|The quote|الاقتباس)$/).textContent ?? '';
const feedback = () => screen.getByTestId('quote-game-feedback');

describe('/vem-sa-vad', () => {
  it('plays ten rounds: right and wrong answers, the passage, the score, and again', async () => {
    const user = userEvent.setup();
    await renderGame({ seed: 42 });
    expect(await screen.findByRole('heading', { level: 1, name: 'Vem sa vad?' })).toBeVisible();
    expect(screen.getByText('Citaten visas på svenska, som i originalet.')).toBeInTheDocument();
    const seen: string[] = [];
    const perParty = new Map<string, number>();
    for (let round = 1; round <= 10; round++) {
      expect(screen.getByText(`Citat ${round} av 10`)).toBeInTheDocument();
      const quote = quoteText();
      const block = screen.getByLabelText('Citatet');
      expect(block).toHaveAttribute('lang', 'sv');
      if (round > 1) expect(block).toHaveFocus();
      expect(seen).not.toContain(quote);
      seen.push(quote);
      const { party, statement } = partyOf(quote);
      perParty.set(party, (perParty.get(party) ?? 0) + 1);
      const name = PARTIES.find((p) => p.id === party)?.name ?? '';
      // One button per party; right for the first seven, a wrong party for the last three.
      const buttons = within(
        screen.getByRole('group', { name: 'Vilket parti skrev det här?' }),
      ).getAllByRole('button');
      expect(buttons.map((b) => b.textContent)).toEqual(PARTIES.map((p) => p.name));
      expect(feedback()).toBeEmptyDOMElement();
      const wrongName = PARTIES.find((p) => p.id !== party)?.name ?? '';
      await user.click(screen.getByRole('button', { name: round <= 7 ? name : wrongName }));
      expect(feedback()).toHaveFocus();
      expect(feedback()).toHaveAttribute('aria-live', 'polite');
      expect(feedback()).toHaveTextContent(round <= 7 ? /^✓ Rätt!/ : /^✗ Inte rätt\. Du valde/);
      if (round > 7) expect(feedback()).toHaveTextContent(`Du valde ${wrongName}.`);
      expect(feedback()).toHaveTextContent(`Citatet kommer från ${name}.`);
      expect(feedback()).toHaveTextContent(
        `Det kodades för påståendet: Kommunen ska satsa på ${statement.id}.`,
      );
      expect(
        screen.getByRole('link', { name: `Läs stycket i programmet från ${name}` }),
      ).toHaveAttribute('href', `/program/${party}#${statement.id}`);
      // Answered: no second guess.
      for (const b of buttons) expect(b).toBeDisabled();
      await user.click(
        screen.getByRole('button', { name: round < 10 ? 'Nästa' : 'Se resultatet' }),
      );
    }
    // Each of the five parties twice.
    expect([...perParty.values()]).toEqual([2, 2, 2, 2, 2]);
    const score = screen.getByRole('heading', { level: 2 });
    expect(score).toHaveTextContent('Ditt resultat: 7 av 10');
    expect(score).toHaveFocus();
    expect(screen.getByText('Du gissade rätt på 7 av 10 citat.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Spela igen' }));
    expect(screen.getByText('Citat 1 av 10')).toBeInTheDocument();
    expect(screen.getByLabelText('Citatet')).toHaveFocus();
    expect(feedback()).toBeEmptyDOMElement();
    for (const p of PARTIES) expect(screen.getByRole('button', { name: p.name })).toBeEnabled();
  });

  it('draws the same game for the same seed', async () => {
    await renderGame({ seed: 5 });
    await screen.findByRole('heading', { level: 1 });
    const first = quoteText();
    cleanup();
    await renderGame({ seed: 5 });
    await screen.findByRole('heading', { level: 1 });
    expect(quoteText()).toBe(first);
  });

  it('is playable with the keyboard alone', async () => {
    const user = userEvent.setup();
    await renderGame({ seed: 3 });
    await screen.findByRole('heading', { level: 1 });
    const { party } = partyOf(quoteText());
    const name = PARTIES.find((p) => p.id === party)?.name ?? '';
    const target = screen.getByRole('button', { name });
    while (document.activeElement !== target) await user.tab();
    await user.keyboard('{Enter}');
    expect(feedback()).toHaveFocus();
    expect(feedback()).toHaveTextContent('Rätt!');
    // Tab goes on to the programme link, then to "Nästa".
    await user.tab();
    expect(screen.getByRole('link', { name: /^Läs stycket/ })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Nästa' })).toHaveFocus();
    await user.keyboard(' ');
    expect(screen.getByText('Citat 2 av 10')).toBeInTheDocument();
    expect(screen.getByLabelText('Citatet')).toHaveFocus();
  });

  it('in English: the quote stays Swedish with the note, the statement is in English', async () => {
    const user = userEvent.setup();
    await renderGame({ language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Who said what?' })).toBeVisible();
    expect(screen.getByText('Quotes are shown in Swedish, as in the original.')).toBeVisible();
    expect(screen.getByText('Quote 1 of 10')).toBeInTheDocument();
    const quote = quoteText();
    expect(quote).toMatch(/vill satsa på/);
    expect(screen.getByLabelText('The quote')).toHaveAttribute('dir', 'ltr');
    const { party, statement } = partyOf(quote);
    const name = PARTIES.find((p) => p.id === party)?.name ?? '';
    await user.click(screen.getByRole('button', { name }));
    expect(feedback()).toHaveTextContent('Right!');
    expect(feedback()).toHaveTextContent(`The quote is from ${name}.`);
    expect(feedback()).toHaveTextContent(
      `It was coded for the statement: EN: invest in ${statement.id}.`,
    );
    expect(screen.getByRole('button', { name: 'Next' })).toBeVisible();
  });

  it('in easy-read Swedish: the statement in lättläst, the quote verbatim', async () => {
    const user = userEvent.setup();
    const easyCompass: Compass = {
      ...compass,
      statements: compass.statements.map((s) => ({
        ...s,
        easy: { text: `Lätt: mer till ${s.id}.`, explainer: 'Förklaring.' },
      })),
    };
    await renderGame({ use: easyCompass, easy: true });
    await screen.findByRole('heading', { level: 1, name: 'Vem sa vad?' });
    const quote = quoteText();
    expect(quote).toMatch(/vill satsa på/);
    const { party, statement } = partyOf(quote, easyCompass);
    const name = PARTIES.find((p) => p.id === party)?.name ?? '';
    await user.click(screen.getByRole('button', { name }));
    expect(feedback()).toHaveTextContent(
      `Det kodades för påståendet: Lätt: mer till ${statement.id}.`,
    );
  });

  it('in Arabic', async () => {
    const user = userEvent.setup();
    await renderGame({ language: 'ar' });
    expect(await screen.findByRole('heading', { level: 1, name: 'من قال ماذا؟' })).toBeVisible();
    const { party, statement } = partyOf(quoteText());
    const other = PARTIES.find((p) => p.id !== party)?.name ?? '';
    await user.click(screen.getByRole('button', { name: other }));
    expect(feedback()).toHaveTextContent('ليس صحيحًا.');
    expect(feedback()).toHaveTextContent(`AR ${statement.id}`);
    expect(screen.getByRole('button', { name: 'التالي' })).toBeVisible();
  });

  it('plays the demo compass: five quotes, so five rounds; only parties with quotes', async () => {
    const user = userEvent.setup();
    await renderGame({ use: demoCompass });
    await screen.findByRole('heading', { level: 1 });
    expect(screen.getByText('Citat 1 av 5')).toBeInTheDocument();
    for (let round = 1; round <= 5; round++) {
      const { party } = partyOf(quoteText(), demoCompass);
      const name = demoCompass.parties.find((p) => p.id === party)?.name ?? '';
      await user.click(screen.getByRole('button', { name }));
      await user.click(screen.getByRole('button', { name: round < 5 ? 'Nästa' : 'Se resultatet' }));
    }
    expect(screen.getByRole('heading', { level: 2 })).toHaveTextContent('5 av 5');
  });

  it('says so when the compass has too few quotes', async () => {
    const bare = buildCompass({
      parties: [{ id: 'a' }, { id: 'b' }],
      statements: [
        { id: 's', stances: { a: stance('Bara ett citat.'), b: { ...stance(''), quotes: [] } } },
      ],
    });
    await renderGame({ use: bare });
    expect(
      await screen.findByText('Den här kompassen har för få citat för spelet.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'a' })).not.toBeInTheDocument();
  });

  it('is linked from the footer of every page', async () => {
    await renderGame();
    await screen.findByRole('heading', { level: 1 });
    const footer = screen.getByRole('navigation', { name: 'Mer om valkompassen' });
    expect(within(footer).getByRole('link', { name: 'Vem sa vad? Citatspelet' })).toHaveAttribute(
      'href',
      '/vem-sa-vad',
    );
  });
});
