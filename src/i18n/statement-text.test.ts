import { describe, expect, it } from 'vitest';
import type { Statement } from '../domain/bank/types.ts';
import { loadValidBank } from '../tools/load-bank.ts';
import { statementText } from './statement-text.ts';

const demoCompass = loadValidBank('tests/fixtures/demo');
const withEasy = demoCompass.statements.find((s) => s.easy)!;
const withoutEasy = demoCompass.statements.find((s) => !s.easy)!;
const arabicText: Statement = {
  ...withEasy,
  text: { sv: 'Svenska.', en: 'English.', ar: 'عربي.' },
  explainer: { sv: 'Förklaring.', en: 'Explanation.' },
};

describe('statementText', () => {
  it('shows the easy-read texts in easy-read Swedish', () => {
    expect(statementText(withEasy, 'sv', true)).toEqual({
      text: withEasy.easy!.text,
      textLang: 'sv',
      explainer: withEasy.easy!.explainer,
      explainerLang: 'sv',
      easy: true,
    });
  });

  it('shows the regular Swedish text when easy-read is off', () => {
    const shown = statementText(withEasy, 'sv', false);
    expect(shown.text).toBe(withEasy.text.sv);
    expect(shown.explainer).toBe(withEasy.explainer.sv);
    expect(shown.easy).toBe(false);
  });

  it('falls back to the regular Swedish text for a statement without an easy version', () => {
    const shown = statementText(withoutEasy, 'sv', true);
    expect(shown).toMatchObject({ text: withoutEasy.text.sv, textLang: 'sv', easy: false });
    expect(shown.explainer).toBe(withoutEasy.explainer.sv);
  });

  it('never applies easy-read to another language', () => {
    const shown = statementText(withEasy, 'en', true);
    expect(shown).toMatchObject({ text: withEasy.text.en, textLang: 'en', easy: false });
  });

  it('says which language each text is in, per text, falling back to Swedish', () => {
    expect(statementText(arabicText, 'ar', false)).toEqual({
      text: 'عربي.',
      textLang: 'ar',
      explainer: 'Förklaring.',
      explainerLang: 'sv',
      easy: false,
    });
    expect(statementText(arabicText, 'en-GB', false)).toMatchObject({
      text: 'English.',
      textLang: 'en',
      explainer: 'Explanation.',
      explainerLang: 'en',
    });
  });
});
