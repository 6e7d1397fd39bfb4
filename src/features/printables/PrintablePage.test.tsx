// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../config/languages.ts';
import { paths, type Printable } from '../../config/paths.ts';
import type { Compass } from '../../domain/bank/types.ts';
import { scoreVoter } from '../../domain/scoring/index.ts';
import { switchLanguage } from '../../i18n/i18n.ts';
import en from '../../i18n/locales/en.json';
import printablesEn from '../../i18n/locales/printables/en.json';
import printablesSv from '../../i18n/locales/printables/sv.json';
import sv from '../../i18n/locales/sv.json';
import { demoCompass, renderLazyPage } from '../../test/render-app.tsx';
import { loadValidBank } from '../../tools/load-bank.ts';
import { methodExercise } from './method-exercise.ts';
import { PrintablePage } from './PrintablePage.tsx';
import { quoteCards } from './quote-cards.ts';

const realCompass = loadValidBank('questions/socialpolitik');

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const open = (
  name: Printable | string,
  compass: Compass = demoCompass,
  easy = false,
  language: Language = 'sv',
) =>
  renderLazyPage(<PrintablePage />, {
    path: `/larare/utskrift/${name}`,
    route: paths.printablePattern,
    compass,
    easy,
    language,
  });

describe('the scale words', () => {
  it('are the app’s own words, in Swedish and English', () => {
    for (const [main, mine] of [
      [sv, printablesSv],
      [en, printablesEn],
    ] as const) {
      expect(mine.scale.agree).toBe(main.position.agree);
      expect(mine.scale.partlyAgree).toBe(main.position.partlyAgree);
      expect(mine.scale.neutral).toBe(main.position.neutral);
      expect(mine.scale.partlyDisagree).toBe(main.position.partlyDisagree);
      expect(mine.scale.disagree).toBe(main.position.disagree);
      expect(mine.scale.skip).toBe(main.quiz.skip);
      expect(mine.scale.important).toBe(main.quiz.important);
      expect(mine.scale.neutralVsSkip).toBe(main.quiz.neutralVsSkip);
    }
  });
});

describe('PrintablePage', () => {
  it('says so for an unknown material and links to the teachers’ page', async () => {
    await open('nagot-annat');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(
      'Det finns ingen sådan utskrift',
    );
    expect(screen.getByRole('link', { name: 'Till lärarsidan' }).getAttribute('href')).toBe(
      paths.teachers,
    );
  });

  it('has a print button and a way back', async () => {
    await open('ordlista');
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await userEvent.click(screen.getByRole('button', { name: 'Skriv ut' }));
    expect(print).toHaveBeenCalledTimes(1);
    expect(
      screen.getByRole('link', { name: 'Tillbaka till lärarsidan' }).getAttribute('href'),
    ).toBe(paths.teachers);
    expect(document.title).toBe('Ordlista: Demokompass');
  });

  it('arbetsblad: every statement, numbered and themed, with five labelled boxes, skip, important and a note', async () => {
    for (const compass of [demoCompass, realCompass]) {
      await open('arbetsblad', compass);
      const total = compass.statements.length;
      const items = document.querySelectorAll('.worksheet-statement');
      expect(items).toHaveLength(total);
      compass.statements.forEach((statement, i) => {
        const item = items[i] as HTMLElement;
        const inItem = within(item);
        expect(inItem.getByText(`Påstående ${i + 1} av ${total}`)).toBeTruthy();
        const theme = compass.themes.find((t) => t.id === statement.theme)!.name.sv;
        expect(inItem.getByText(`Tema: ${theme}`)).toBeTruthy();
        expect(inItem.getByRole('heading', { level: 2 }).textContent).toBe(statement.text.sv);
        expect(inItem.getByText(statement.explainer.sv)).toBeTruthy();
        const boxes = inItem.getByRole('list', { name: `Ditt svar på påstående ${i + 1}` });
        expect(
          within(boxes)
            .getAllByRole('listitem')
            .map((li) => li.textContent),
        ).toEqual(['Helt för', 'Delvis för', 'Varken för eller emot', 'Delvis emot', 'Helt emot']);
        // A real empty square beside each label, and beside skip and important.
        expect(item.querySelectorAll('.print-box')).toHaveLength(7);
        expect(inItem.getByText('Hoppa över')).toBeTruthy();
        expect(inItem.getByText('Viktigt för mig')).toBeTruthy();
        expect(inItem.getByText(`Anteckning till påstående ${i + 1}:`)).toBeTruthy();
      });
      // The front page: how to answer, the boxes, skip vs neutral, privacy.
      expect(screen.getByRole('heading', { name: 'Så fyller du i' })).toBeTruthy();
      expect(screen.getByRole('heading', { name: 'Dina svar är dina' })).toBeTruthy();
      expect(screen.getByText(sv.quiz.neutralVsSkip)).toBeTruthy();
      // Not in easy-read mode: the regular texts, and no easy-read note.
      expect(screen.queryByText(printablesSv.worksheet.easy)).toBeNull();
      cleanup();
    }
  });

  it('arbetsblad in easy-read mode: every statement and explainer in lättläst, and says so', async () => {
    await open('arbetsblad', realCompass, true);
    expect(screen.getByText(printablesSv.worksheet.easy)).toBeTruthy();
    const items = document.querySelectorAll('.worksheet-statement');
    expect(items).toHaveLength(realCompass.statements.length);
    realCompass.statements.forEach((statement, i) => {
      const item = within(items[i] as HTMLElement);
      expect(item.getByRole('heading', { level: 2 }).textContent).toBe(statement.easy!.text);
      expect(item.getByText(statement.easy!.explainer)).toBeTruthy();
    });
  });

  it('ordlista: every term with its definition, in Swedish alphabetical order', async () => {
    await open('ordlista', realCompass);
    const terms = [...document.querySelectorAll('.glossary-entry dt')].map((dt) => dt.textContent);
    const collator = new Intl.Collator('sv');
    expect(terms).toEqual(realCompass.glossary.map((g) => g.term.sv).sort(collator.compare));
    for (const entry of realCompass.glossary)
      expect(screen.getByText(entry.definition.sv)).toBeTruthy();
  });

  it('citatkort: every quote on exactly one card, with its statement; the key gives party and full link', async () => {
    for (const compass of [demoCompass, realCompass]) {
      await open('citatkort', compass);
      const quotes = new Set(
        compass.statements.flatMap((s) => Object.values(s.stances).flatMap((st) => st.quotes)),
      );
      const cards = [...document.querySelectorAll('.quote-card')];
      expect(cards).toHaveLength(quotes.size);
      const shown = cards.map((card) => card.querySelector('blockquote')!.textContent);
      expect(new Set(shown).size).toBe(quotes.size);
      for (const quote of quotes) expect(shown).toContain(`”${quote}”`);
      for (const card of cards)
        expect(card.querySelector('blockquote')!.getAttribute('lang')).toBe('sv');
      // The key: one row per card, the party, and an absolute link to the passage.
      const rows = [...document.querySelectorAll('.quote-key tbody tr')];
      expect(rows).toHaveLength(quotes.size);
      for (const card of quoteCards(compass)) {
        const row = rows[card.number - 1]!;
        const card0 = cards[card.number - 1]!;
        expect(card0.textContent).toContain(`Kort ${card.number}`);
        for (const source of card.sources) {
          const statement = compass.statements.find((s) => s.id === source.statement)!;
          expect(card0.textContent).toContain(statement.text.sv);
          expect(row.textContent).toContain(
            compass.parties.find((p) => p.id === source.party)!.name,
          );
          const href = `${window.location.origin}${paths.programme(source.party, source.statement)}`;
          expect(
            within(row as HTMLElement)
              .getByRole('link', { name: href })
              .getAttribute('href'),
          ).toBe(href);
        }
      }
      cleanup();
    }
  });

  it('metodovning: blank tables for pupils, and a key whose percentages are the engine’s', async () => {
    for (const compass of [demoCompass, realCompass]) {
      await open('metodovning', compass);
      const exercise = methodExercise(compass)!;
      const scored = scoreVoter(compass, exercise.voter);
      if (scored.status !== 'ok') throw new Error('no result');
      const blank = document.querySelectorAll('.method-steps.blank');
      expect(blank).toHaveLength(2);
      for (const table of blank) expect(table.textContent).not.toMatch(/\d\s%|räknas inte/);
      const key = document.querySelector('.method-key') as HTMLElement;
      for (const party of exercise.parties) {
        const name = compass.parties.find((p) => p.id === party)!.name;
        const percent = scored.parties.find((p) => p.party === party)!.percent;
        expect(within(key).getByText(new RegExp(`^${name}: .* = ${percent} %$`))).toBeTruthy();
      }
      // The fictional voter skipped one statement and marked two as important.
      expect(exercise.rows.filter((r) => r.answer === 'skip')).toHaveLength(1);
      expect(exercise.rows.filter((r) => r.important)).toHaveLength(2);
      expect(screen.getByRole('heading', { name: 'Vad tystnaden gör' })).toBeTruthy();
      cleanup();
    }
  });

  it('in Arabic shows the material in English, marked as English, with English statements', async () => {
    const { i18n } = await open('arbetsblad');
    await act(() => switchLanguage(i18n, 'ar'));
    const heading = await screen.findByRole('heading', { level: 1, name: 'Worksheet' });
    const root = heading.closest('.printable')!;
    expect(root.getAttribute('lang')).toBe('en');
    expect(root.getAttribute('dir')).toBe('ltr');
    for (const statement of demoCompass.statements)
      expect(screen.getByRole('heading', { level: 2, name: statement.text.en })).toBeTruthy();
    expect(screen.getAllByText('Fully agree').length).toBeGreaterThan(
      demoCompass.statements.length,
    );
  });
});

describe('an address inside a sentence', () => {
  /** The sentence as a reader sees it: the string with the address put in (and no markup). */
  const sentence = (string: string, url: string) =>
    string.replace(/<\/?url>/g, '').replace('{{url}}', url);
  /** The address as the page's HTML should have it: a <wbr> after each "/" after "https://". */
  const breakable = (url: string) => {
    const parts = url.split('/');
    return parts
      .map((part, i) => (i === parts.length - 1 ? part : i >= 2 ? `${part}/<wbr>` : `${part}/`))
      .join('');
  };

  it.each([
    ['arbetsblad', 'sv', printablesSv.worksheet.result, paths.home],
    ['arbetsblad', 'en', printablesEn.worksheet.result, paths.home],
    ['arbetsblad', 'ar', printablesEn.worksheet.result, paths.home],
    ['metodovning', 'sv', printablesSv.method.keyLead, paths.method],
    ['metodovning', 'en', printablesEn.method.keyLead, paths.method],
  ] as const)(
    '%s (%s): is whole in the sentence and wraps only after a "/"',
    async (name, language, string, path) => {
      await open(name, realCompass, false, language);
      const url = `${window.location.origin}${path}`;
      const text = sentence(string, url);
      const paragraph = screen.getByText((_, element) => element?.textContent === text, {
        selector: 'p',
      });
      const lead = text.slice(0, text.length - url.length);
      expect(text.endsWith(url)).toBe(true);
      expect(paragraph.innerHTML).toBe(`${lead}${breakable(url)}`);
      expect(paragraph.querySelectorAll('wbr')).toHaveLength(url.split('/').length - 3);
    },
  );
});
