import type { BankIssue, Compass, Localized } from './types.ts';

/** The languages a compass's texts may be written in besides Swedish. */
const OPTIONAL_LANGUAGES = ['en', 'ar'] as const;
type OptionalLanguage = (typeof OPTIONAL_LANGUAGES)[number];

/** A text of a compass and where it is (a path into the assembled compass). */
interface PlacedText {
  readonly path: readonly (string | number)[];
  /** How an author finds it: `statement "x": explainer`, `title`. */
  readonly name: string;
  readonly text: Localized;
}

/** Every translatable text of a compass, in file order. */
function textsOf(compass: Compass): PlacedText[] {
  return [
    { path: ['title'], name: 'title', text: compass.title },
    { path: ['description'], name: 'description', text: compass.description },
    ...compass.themes.map((t, i) => ({
      path: ['themes', i, 'name'],
      name: `theme "${t.id}": name`,
      text: t.name,
    })),
    ...compass.statements.flatMap((s, i) =>
      (['text', 'explainer'] as const).map((field) => ({
        path: ['statements', i, field],
        name: `statement "${s.id}": ${field}`,
        text: s[field],
      })),
    ),
    ...compass.glossary.flatMap((g, i) =>
      (['term', 'definition'] as const).map((field) => ({
        path: ['glossary', i, field],
        name: `glossary "${g.id}": ${field}`,
        text: g[field],
      })),
    ),
  ];
}

const NAMES: Readonly<Record<OptionalLanguage, string>> = { en: 'English', ar: 'Arabic' };

/**
 * All-or-nothing languages: a compass is in Swedish, and in English or Arabic only if every text
 * (title, description, theme names, statements' text and explainer, glossary terms and
 * definitions) has it, so that a reader in that language never meets a page half in Swedish. Each
 * text that lacks a language the others have is reported at `<path>.<language>`.
 */
export function checkLanguages(compass: Compass): BankIssue[] {
  const texts = textsOf(compass);
  const issues: BankIssue[] = [];
  for (const language of OPTIONAL_LANGUAGES) {
    const lacking = texts.filter((t) => t.text[language] === undefined);
    const having = texts.length - lacking.length;
    if (having === 0) continue;
    for (const t of lacking)
      issues.push({
        path: [...t.path, language],
        message: `${t.name} has no ${NAMES[language]} (${language}), but ${having} of the compass's ${texts.length} texts have: write "${language}:" here too, or remove ${NAMES[language]} from every text (a language is in all texts or in none)`,
      });
  }
  return issues;
}
