import type { Statement } from '../domain/bank/types.ts';
import { localizedIn } from './localized.ts';

/** A statement as shown: its text and explainer, each with the language it is written in. */
export interface ShownStatement {
  readonly text: string;
  /** The language of `text` ('sv' for easy-read and for the Swedish fallback). */
  readonly textLang: string;
  readonly explainer: string;
  readonly explainerLang: string;
  /** True when these are the easy-read (lättläst) versions. */
  readonly easy: boolean;
}

/**
 * The one place that decides which words of a statement a reader sees: in easy-read mode (which
 * is a mode of Swedish) the statement's `easy` texts where it has them, else the text in the
 * reader's language, falling back to Swedish (`localizedIn`, src/i18n/localized.ts). Every page that shows a statement goes through here
 * (through `useStatementText`, src/components/use-statement-text.ts, for the current language and
 * reading mode), so the reading mode applies everywhere; the answers belong to the statement,
 * never to its words.
 */
export function statementText(
  statement: Statement,
  language: string,
  easy: boolean,
): ShownStatement {
  if (easy && language.split('-')[0] === 'sv' && statement.easy) {
    const { text, explainer } = statement.easy;
    return { text, textLang: 'sv', explainer, explainerLang: 'sv', easy: true };
  }
  const [text, textLang] = localizedIn(statement.text, language);
  const [explainer, explainerLang] = localizedIn(statement.explainer, language);
  return { text, textLang, explainer, explainerLang, easy: false };
}
