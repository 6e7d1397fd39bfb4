import { describe, expect, it } from 'vitest';
import { sitePaths } from '../../src/config/paths.ts';
import { browserFixture, type Page } from '../../src/test/browser/browser.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

const compass = loadValidBank('questions/socialpolitik');
/** The compass's pages in Swedish (`/socialpolitik/…`); the game is `paths.quoteGame`. */
const paths = sitePaths('', compass.id);
const ROUNDS = 10;

/** Every quote of the bank → the party that wrote it and the statements it was coded for. */
const quoteOwners = new Map<string, { party: string; statements: Set<string> }>();
for (const statement of compass.statements)
  for (const [party, stance] of Object.entries(statement.stances))
    for (const quote of stance.quotes) {
      const owner = quoteOwners.get(quote) ?? { party, statements: new Set<string>() };
      owner.statements.add(statement.id);
      quoteOwners.set(quote, owner);
    }
const partyName = (id: string) => compass.parties.find((p) => p.id === id)!.name;

const site = browserFixture();
const { newPage } = site;

const quoteText = async (page: Page) =>
  (await page.locator('blockquote.quote-game-quote').textContent())?.trim() ?? '';

/** Presses Tab until the focused element is the button named `name`; fails after 60 presses. */
async function tabTo(page: Page, name: string) {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement;
      return el instanceof HTMLButtonElement ? el.textContent?.trim() : null;
    });
    if (focused === name) return;
  }
  throw new Error(`could not reach the button "${name}" with Tab`);
}

describe('the quote game (/socialpolitik/vem-sa-vad)', () => {
  it('plays ten rounds with the keyboard alone and scores what the feedback said', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Vem sa vad? Citatspelet' }).click();
    await page.getByRole('heading', { level: 1, name: 'Vem sa vad?' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(paths.quoteGame);

    const seen = new Set<string>();
    const partiesSeen = new Map<string, number>();
    let right = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      await page.getByText(`Citat ${round} av ${ROUNDS}`).waitFor();
      const quote = await quoteText(page);
      // A verbatim quote from the bank, never the same one twice in a game.
      const owner = quoteOwners.get(quote);
      expect(owner, quote).toBeDefined();
      expect(seen.has(quote)).toBe(false);
      seen.add(quote);
      partiesSeen.set(owner!.party, (partiesSeen.get(owner!.party) ?? 0) + 1);
      // The quote keeps its Swedish language tag.
      expect(await page.locator('blockquote.quote-game-quote').getAttribute('lang')).toBe('sv');

      // Guess right on odd rounds, wrong on even ones; only the keyboard.
      const guess =
        round % 2 === 1 ? owner!.party : compass.parties.find((p) => p.id !== owner!.party)!.id;
      await tabTo(page, partyName(guess));
      await page.keyboard.press('Enter');
      const feedback = page.getByTestId('quote-game-feedback');
      await feedback.getByText(`Citatet kommer från ${partyName(owner!.party)}.`).waitFor();
      // Focus moves to the feedback, so a screen reader hears it.
      expect(
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid),
      ).toBe('quote-game-feedback');
      if (guess === owner!.party) {
        right++;
        await feedback.getByText('Rätt!').waitFor();
      } else {
        await feedback.getByText(`Du valde ${partyName(guess)}.`).waitFor();
      }
      // The statement the quote was coded for, and a link to the passage in the programme viewer.
      const statementShown = (await feedback.locator('q').textContent())?.trim();
      expect(
        [...owner!.statements].map((id) => compass.statements.find((s) => s.id === id)!.text.sv),
      ).toContain(statementShown);
      const link = feedback.getByRole('link', {
        name: `Läs stycket i programmet från ${partyName(owner!.party)}`,
      });
      expect([...owner!.statements].map((id) => paths.programme(owner!.party, id))).toContain(
        await link.getAttribute('href'),
      );
      // Party buttons are locked once answered.
      expect(
        await page.getByRole('button', { name: partyName(owner!.party), exact: true }).isDisabled(),
      ).toBe(true);
      await tabTo(page, round < ROUNDS ? 'Nästa' : 'Se resultatet');
      await page.keyboard.press('Enter');
    }

    const score = page.getByRole('heading', { level: 2, name: /Ditt resultat/ });
    await score.waitFor();
    expect(await score.textContent()).toContain(`${right} av ${ROUNDS}`);
    expect(right).toBe(ROUNDS / 2);
    // Drawn about evenly: every party with quotes appears, none more than a third of the game.
    expect(partiesSeen.size).toBe(compass.parties.length);
    for (const count of partiesSeen.values()) expect(count).toBeLessThanOrEqual(4);

    await page.getByRole('button', { name: 'Spela igen' }).click();
    await page.getByText(`Citat 1 av ${ROUNDS}`).waitFor();
  });

  it('opens the passage in the programme viewer from the answer', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}${paths.quoteGame}`);
    await page.getByText(`Citat 1 av ${ROUNDS}`).waitFor();
    const quote = await quoteText(page);
    const owner = quoteOwners.get(quote)!;
    await page.getByRole('button', { name: partyName(owner.party), exact: true }).click();
    await page
      .getByRole('link', { name: `Läs stycket i programmet från ${partyName(owner.party)}` })
      .click();
    await page.getByRole('heading', { level: 1, name: /Programmet:/ }).waitFor();
    const current = page.locator('mark.current').first();
    await current.waitFor();
    expect(await current.isVisible()).toBe(true);
  });

  it('is in English with the quote kept in Swedish', async () => {
    const page = await newPage({ locale: 'en-GB' });
    await page.goto(`${site.origin}${sitePaths('en', compass.id).quoteGame}`);
    await page.getByRole('heading', { level: 1, name: 'Who said what?' }).waitFor();
    const quote = await quoteText(page);
    expect(quoteOwners.has(quote)).toBe(true);
    const owner = quoteOwners.get(quote)!;
    await page.getByRole('button', { name: partyName(owner.party), exact: true }).click();
    const feedback = page.getByTestId('quote-game-feedback');
    await feedback.getByText('Right!').waitFor();
    const shown = (await feedback.locator('q').textContent())?.trim();
    expect(
      [...owner.statements].map((id) => compass.statements.find((s) => s.id === id)!.text.en),
    ).toContain(shown);
  });

  it('fits a projector: quote and every party button on one 1920×1080 screen, text large enough', async () => {
    const page = await newPage({ viewport: { width: 1920, height: 1080 } });
    // The game's old address (from before compasses had their own) leads to the compass's game.
    await page.goto(`${site.origin}/vem-sa-vad`);
    await page.getByText(`Citat 1 av ${ROUNDS}`).waitFor();
    expect(new URL(page.url()).pathname).toBe(paths.quoteGame);
    const inView = async (selector: string) =>
      page.locator(selector).evaluateAll((els) =>
        els.every((el) => {
          const box = el.getBoundingClientRect();
          return box.top >= 0 && box.bottom <= window.innerHeight;
        }),
      );
    expect(await inView('blockquote.quote-game-quote')).toBe(true);
    expect(await inView('.quote-game-parties button')).toBe(true);
    const quoteSize = await page
      .locator('blockquote.quote-game-quote p')
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(quoteSize).toBeGreaterThanOrEqual(28);
    const buttonSize = await page
      .locator('.quote-game-parties button')
      .first()
      .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(buttonSize).toBeGreaterThanOrEqual(22);
  });
});
