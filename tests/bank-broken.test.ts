/**
 * Broken question banks: each case copies the valid demo bank (tests/fixtures/demo), makes ONE
 * mistake an editor could make, and pins what the validator says about it: which file, which
 * line, and why. Each expected line is found in the demo fixture by the text written on it (see
 * `line`), so the cases keep pinning the right line when the fixture grows.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBank } from '../src/tools/load-bank.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const demo = path.join(projectRoot, 'tests/fixtures/demo');

/** A textual edit of one file in the copy: replace `find` (which must occur exactly once), or write the whole file. */
type Edit =
  | { readonly file: string; readonly find: string; readonly replace: string }
  | { readonly file: string; readonly write: string };

interface Expected {
  readonly file: string;
  readonly line: number;
  /** A fragment of the message that pins the reason. */
  readonly message: string;
}

interface Mistake {
  readonly mistake: string;
  readonly edit: Edit | readonly Edit[];
  readonly expected: readonly Expected[];
}

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh copy of the demo bank with `edit` (or each of several edits) applied; returns its folder. */
function editedCopy(edit: Edit | readonly Edit[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bank-broken-'));
  copies.push(dir);
  fs.cpSync(demo, dir, { recursive: true });
  for (const one of Array.isArray(edit) ? (edit as readonly Edit[]) : [edit as Edit]) {
    const file = path.join(dir, one.file);
    if ('write' in one) {
      fs.writeFileSync(file, one.write);
      continue;
    }
    const before = fs.readFileSync(file, 'utf8');
    // A stale mutation must fail loudly, not pass because nothing was changed.
    expect(
      before.split(one.find).length - 1,
      `"${one.find}" should occur exactly once in ${one.file}`,
    ).toBe(1);
    fs.writeFileSync(
      file,
      before.replace(one.find, () => one.replace),
    );
  }
  return dir;
}

/** The 1-based line on which `needle` starts in `text`; it must occur there exactly once. */
function lineIn(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0 || text.includes(needle, at + 1))
    throw new Error(`"${needle}" should occur exactly once in the text searched`);
  return text.slice(0, at).split('\n').length;
}

const demoFile = (file: string): string => fs.readFileSync(path.join(demo, file), 'utf8');

/** The line of the demo fixture's `file` on which `needle` starts, plus `below` lines. */
const line = (file: string, needle: string, below = 0): number =>
  lineIn(demoFile(file), needle) + below;
const st = (needle: string, below = 0): number => line('statements.yaml', needle, below);

/** The demo's quote by party a on "fler-bibliotek", the target of the quote cases. */
const aQuoteLine = st('- Vi vill att kommunen bygger fler bibliotek i alla stadsdelar.');
/** The silent party b on "fler-bibliotek", and the mapping of that statement's stances. */
const bSilentLine = st('    b: { position: null, confidence: 0 }\n');
const firstStancesLine = st('  stances:\n    a:\n      position: 1\n');

/** In the demo, party b's stance on "foreningsdrivna-bibliotek". */
const bOnForeningsdrivna = `    b:
      position: 1
      confidence: 0.75
      quotes: ["Vi vill att fler kommunala bibliotek drivs av föreningar."]
      rationale: B wants associations to run libraries.
`;

/** In the demo, party a's stance on "kulturskola-avgift". */
const aOnKulturskolaAvgift = `    a:
      position: -1
      confidence: 1
      quotes: ["Vi säger nej till avgifter i kulturskolan."]
      rationale: A rejects fees.
`;

/**
 * A whole statements.yaml in which B's positions were pasted from A's column (B keeps its own
 * quotes): every quote is verbatim, but the two parties now sit on the same position everywhere.
 */
const twinStatements = `- id: fler-bibliotek
  theme: kultur
  direction: more
  text: { sv: Kommunen ska bygga fler bibliotek., en: The municipality should build more libraries. }
  explainer: { sv: Ett bibliotek lånar ut böcker gratis., en: A library lends books for free. }
  stances:
    a: { position: 1, confidence: 1, quotes: ["Vi vill att kommunen bygger fler bibliotek i alla stadsdelar."], rationale: A wants more libraries. }
    b: { position: 1, confidence: 0.5, quotes: ["Vi vill att fler kommunala bibliotek drivs av föreningar."], rationale: B wants more libraries. }
- id: kulturskola-avgift
  theme: kultur
  direction: less
  text: { sv: Kulturskolan ska kosta pengar för eleverna., en: Pupils should pay a fee for the arts school. }
  explainer: { sv: Kulturskolan är kommunens skola för musik., en: The arts school is the municipality's music school. }
  stances:
    a: { position: -1, confidence: 1, quotes: ["Vi säger nej till avgifter i kulturskolan."], rationale: A rejects fees. }
    b: { position: -1, confidence: 1, quotes: ["Kulturskolan ska finansieras delvis med avgifter."], rationale: B rejects fees. }
- id: foreningsdrivna-bibliotek
  theme: ekonomi
  direction: less
  text: { sv: Föreningar ska driva fler av kommunens bibliotek., en: Associations should run more of the municipality's libraries. }
  explainer: { sv: En förening är en grupp människor., en: An association is a group of people. }
  stances:
    a: { position: -0.5, confidence: 0.5, quotes: ["Vi vill att kommunen bygger fler bibliotek i alla stadsdelar."], rationale: A wants the municipality to build them. }
    b: { position: -0.5, confidence: 0.5, quotes: ["Vi vill att fler kommunala bibliotek drivs av föreningar."], rationale: B wants the municipality to build them. }
`;

interface Easy {
  readonly text: string;
  readonly explainer: string;
}

/**
 * The demo's statements.yaml with its own `easy` blocks (if any) taken out and the given ones
 * written after the explainer of each named statement, so the easy-read cases do not depend on
 * what the fixture says in easy-read Swedish.
 */
function statementsWithEasy(easy: Readonly<Record<string, Easy>>): string {
  const lines = demoFile('statements.yaml')
    .replace(/^ {2}easy:\n(?: {4}.*\n)+/gm, '')
    .split('\n');
  const out: string[] = [];
  let id = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    id = /^- id: (\S+)$/.exec(text)?.[1] ?? id;
    out.push(text);
    const block = easy[id];
    if (text !== '  explainer:' || block === undefined) continue;
    while (lines[i + 1]?.startsWith('    ')) out.push(lines[++i]!);
    out.push(
      '  easy:',
      `    text: ${JSON.stringify(block.text)}`,
      `    explainer: ${JSON.stringify(block.explainer)}`,
    );
  }
  const written = out.join('\n');
  for (const key of Object.keys(easy))
    if (!written.includes(`    text: ${JSON.stringify(easy[key]!.text)}`))
      throw new Error(`statement "${key}" is not in the demo`);
  return written;
}

/** compass.yaml with easy-read rules added (the demo itself has none). */
const withEasyRules = (rules: string): Edit => ({
  file: 'compass.yaml',
  find: '  maxAgreeAllPercent: 90\n',
  replace: `  maxAgreeAllPercent: 90\n  easyRead: ${rules}\n`,
});

const plainEasy: Readonly<Record<string, Easy>> = {
  'fler-bibliotek': {
    text: 'Kommunen ska bygga fler bibliotek.',
    explainer: 'På ett bibliotek kan du låna böcker. Det är gratis.',
  },
  'kulturskola-avgift': {
    text: 'Elever ska betala för kulturskolan.',
    explainer: 'I kulturskolan lär sig barn musik och dans. Kommunen har hand om den.',
  },
  'balans-fore-satsningar': {
    text: 'Kommunen ska ha pengar nog innan den gör nya saker.',
    explainer: 'Kommunen får pengar från skatten. Pengarna ska räcka.',
  },
  'foreningsdrivna-bibliotek': {
    text: 'Föreningar ska sköta fler av kommunens bibliotek.',
    explainer: 'En förening är en grupp människor. De gör något ihop.',
  },
};

/** Every statement with easy-read text, except "kulturskola-avgift". */
const missingEasy = statementsWithEasy(
  Object.fromEntries(Object.entries(plainEasy).filter(([id]) => id !== 'kulturskola-avgift')),
);

/** 17 words in one easy-read text; the limit below is 15. */
const longText =
  'Kommunen ska bygga många fler bibliotek i alla delar av kommunen så att alla barn kan läsa.';
const tooLong = statementsWithEasy({
  ...plainEasy,
  'fler-bibliotek': { ...plainEasy['fler-bibliotek']!, text: longText },
});

/**
 * Easy-read texts full of long words. LIX (words per sentence + % of words over six letters):
 * fler-bibliotek 5 + 100 = 105, kulturskola-avgift 4 + 75 = 79, the other two as in plainEasy
 * (balans-fore-satsningar 11 + 100·1/11 = 20.1, foreningsdrivna-bibliotek 7 + 100·3/7 = 49.9);
 * median (49.9 + 79) / 2 = 64.4 > 30. The explainers stay plain: their median is under 30.
 */
const hardTexts = statementsWithEasy({
  ...plainEasy,
  'fler-bibliotek': {
    ...plainEasy['fler-bibliotek']!,
    text: 'Kommunstyrelsen tillhandahåller ytterligare biblioteksfilialer omedelbart.',
  },
  'kulturskola-avgift': {
    ...plainEasy['kulturskola-avgift']!,
    text: 'Kulturskoleundervisning ska avgiftsbeläggas framöver.',
  },
});

const emptyExplainer = statementsWithEasy({
  'fler-bibliotek': { text: 'Kommunen ska bygga fler bibliotek.', explainer: '  ' },
});

const mistakes: readonly Mistake[] = [
  // --- Quotes -------------------------------------------------------------------------------
  {
    mistake: 'a misquote: one word changed inside a quote',
    edit: {
      file: 'statements.yaml',
      find: 'bibliotek i alla stadsdelar.',
      replace: 'bibliotek i alla kommundelar.',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: aQuoteLine,
        message:
          'party "a" cites a quote that is not in its programme; copy it character for character',
      },
    ],
  },
  {
    mistake: "a quote taken from another party's programme",
    edit: {
      file: 'statements.yaml',
      find: '["Vi säger nej till avgifter i kulturskolan."]',
      replace: '["Kulturskolan ska finansieras delvis med avgifter."]',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('quotes: ["Vi säger nej till avgifter i kulturskolan."]'),
        message: 'it is in the programme of "b": wrong party?',
      },
    ],
  },
  {
    // "Dela på Facebook" is 16 characters, above MIN_QUOTE_LENGTH (12), so the boilerplate rule is what fires.
    mistake: 'a quote from the website boilerplate ("Dela på Facebook")',
    edit: {
      file: 'statements.yaml',
      find: '- Vi vill att kommunen bygger fler bibliotek i alla stadsdelar.',
      replace: '- Dela på Facebook',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: aQuoteLine,
        message: 'party "a" cites website boilerplate, not programme text: "Dela på Facebook"',
      },
    ],
  },
  {
    // "Facebook" (8 characters) is below MIN_QUOTE_LENGTH: too short to prove anything, boilerplate or not.
    mistake: 'a quote too short to prove anything',
    edit: {
      file: 'statements.yaml',
      find: '- Vi vill att kommunen bygger fler bibliotek i alla stadsdelar.',
      replace: '- Facebook',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: aQuoteLine,
        message: 'party "a" cites "Facebook", too short to prove anything',
      },
    ],
  },

  // --- Parties in stances ---------------------------------------------------------------------
  {
    mistake: 'a stance for a party that is not in parties.yaml',
    edit: {
      file: 'statements.yaml',
      find: '    b: { position: null, confidence: 0 }\n',
      replace:
        '    b: { position: null, confidence: 0 }\n    c: { position: null, confidence: 0 }\n',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: bSilentLine + 1,
        message: 'statement "fler-bibliotek": unknown party "c"; use one of a, b',
      },
    ],
  },
  {
    // A misspelt party id is two problems by nature: the unknown id, and the real party now lacks
    // a stance (reported at the stances mapping, which starts on the line after "stances:").
    mistake: 'a misspelt party id in stances',
    edit: {
      file: 'statements.yaml',
      find: '    b: { position: null, confidence: 0 }\n',
      replace: '    bb: { position: null, confidence: 0 }\n',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: firstStancesLine + 1,
        message: 'statement "fler-bibliotek": party "b" has no stance',
      },
      {
        file: 'statements.yaml',
        line: bSilentLine,
        message: 'statement "fler-bibliotek": unknown party "bb"',
      },
    ],
  },
  {
    mistake: "a party missing from a statement's stances",
    edit: {
      file: 'statements.yaml',
      find: '    b: { position: null, confidence: 0 }\n',
      replace: '',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: firstStancesLine + 1,
        message: 'statement "fler-bibliotek": party "b" has no stance',
      },
    ],
  },

  // --- Coding of a stance ---------------------------------------------------------------------
  {
    mistake: 'a position off the grid (0.7)',
    edit: { file: 'statements.yaml', find: 'position: 0.5', replace: 'position: 0.7' },
    expected: [
      {
        file: 'statements.yaml',
        line: st('position: 0.5'),
        message: 'position 0.7 is not on the scale',
      },
    ],
  },
  {
    mistake: 'a silent party (position null) with confidence other than 0',
    edit: {
      file: 'statements.yaml',
      find: 'b: { position: null, confidence: 0 }',
      replace: 'b: { position: null, confidence: 0.5 }',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: bSilentLine,
        message: 'party "b" is silent (position null), so confidence must be 0',
      },
    ],
  },
  {
    mistake: 'a stated position with confidence 0',
    edit: { file: 'statements.yaml', find: 'confidence: 0.75', replace: 'confidence: 0' },
    expected: [
      {
        file: 'statements.yaml',
        line: st('confidence: 0.75'),
        message: 'party "b" has a position but confidence 0',
      },
    ],
  },
  {
    // With the quotes line gone the issue points at the stance itself (its first field, the line
    // above "confidence: 0.75").
    mistake: 'a stated position without quotes',
    edit: {
      file: 'statements.yaml',
      find: '      quotes: ["Vi vill att fler kommunala bibliotek drivs av föreningar."]\n',
      replace: '',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('confidence: 0.75', -1),
        message: 'party "b" has a position but no quote',
      },
    ],
  },
  {
    mistake: 'an unknown field (typo "postion")',
    // A typo in a required field is two problems by nature: the real field is missing and the
    // misspelt one is unknown. Both point at the misspelt line.
    edit: {
      file: 'statements.yaml',
      find: '    a:\n      position: 1\n',
      replace: '    a:\n      postion: 1\n',
    },
    expected: [
      { file: 'statements.yaml', line: firstStancesLine + 2, message: 'missing field "position"' },
      { file: 'statements.yaml', line: firstStancesLine + 2, message: 'unknown field "postion"' },
    ],
  },

  // --- Statement texts and ids ----------------------------------------------------------------
  {
    // English is optional, but in every text or in none. Reported at the text mapping (its first
    // line, sv), since the missing line has no position of its own.
    mistake: 'a missing English translation (text.en removed) in a compass that has English',
    edit: {
      file: 'statements.yaml',
      find: '    en: The municipality should build more libraries.\n',
      replace: '',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('sv: Kommunen ska bygga fler bibliotek.'),
        message:
          'statement "fler-bibliotek": text has no English (en), but 13 of the compass\'s 14 texts have',
      },
    ],
  },
  {
    // Every other text is reported, each at its mapping (the line of its sv).
    mistake: 'an Arabic translation in one text only',
    edit: {
      file: 'compass.yaml',
      find: 'name: { sv: Kultur, en: Culture }',
      replace: 'name: { sv: Kultur, en: Culture, ar: "ثقافة" }',
    },
    expected: [
      {
        file: 'compass.yaml',
        line: line('compass.yaml', 'sv: Demokompass'),
        message: "title has no Arabic (ar), but 1 of the compass's 14 texts have",
      },
      {
        file: 'compass.yaml',
        line: line('compass.yaml', 'sv: En påhittad kompass'),
        message: 'description has no Arabic (ar)',
      },
      {
        file: 'compass.yaml',
        line: line('compass.yaml', 'name: { sv: Ekonomi'),
        message: 'theme "ekonomi": name has no Arabic (ar)',
      },
      {
        file: 'glossary.yaml',
        line: line('glossary.yaml', 'term: { sv: bibliotek'),
        message: 'glossary "bibliotek": term has no Arabic (ar)',
      },
      {
        file: 'glossary.yaml',
        line: line('glossary.yaml', 'sv: Ett ställe där'),
        message: 'glossary "bibliotek": definition has no Arabic (ar)',
      },
      ...[
        'fler-bibliotek',
        'kulturskola-avgift',
        'balans-fore-satsningar',
        'foreningsdrivna-bibliotek',
      ].flatMap((id) => [
        // The lines of its text's and its explainer's sv, below its id.
        {
          file: 'statements.yaml',
          line: st(`- id: ${id}\n`, 4),
          message: `"${id}": text has no Arabic`,
        },
        {
          file: 'statements.yaml',
          line: st(`- id: ${id}\n`, 7),
          message: `"${id}": explainer has no Arabic`,
        },
      ]),
    ],
  },
  {
    mistake: 'an empty Swedish text',
    edit: {
      file: 'statements.yaml',
      find: 'sv: Kommunen ska bygga fler bibliotek.',
      replace: 'sv: "  "',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('sv: Kommunen ska bygga fler bibliotek.'),
        message: 'statement text (sv) is empty; write it out',
      },
    ],
  },
  {
    mistake: 'a duplicate statement id',
    edit: {
      file: 'statements.yaml',
      find: '- id: kulturskola-avgift',
      replace: '- id: fler-bibliotek',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('- id: kulturskola-avgift'),
        message: 'statement id "fler-bibliotek" is used twice',
      },
    ],
  },
  {
    mistake: 'an unknown theme',
    edit: {
      file: 'statements.yaml',
      find: '  theme: kultur\n  direction: more',
      replace: '  theme: kulturr\n  direction: more',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('  theme: kultur\n  direction: more'),
        message: 'theme "kulturr" is not defined; use one of kultur, ekonomi',
      },
    ],
  },
  {
    mistake: 'a glossary term that does not exist',
    edit: {
      file: 'statements.yaml',
      find: 'terms: [bibliotek]',
      replace: 'terms: [bibliotek, lanekort]',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('terms: [bibliotek]'),
        message: 'glossary term "lanekort" is not in glossary.yaml',
      },
    ],
  },

  // --- YAML syntax ----------------------------------------------------------------------------
  {
    // The bracket is left open on the terms line; the YAML parser only notices on the next line
    // (`stances:`), where the flow sequence would have had to continue, and that is the line it reports.
    mistake: 'malformed YAML: a flow sequence left open',
    edit: { file: 'statements.yaml', find: 'terms: [bibliotek]', replace: 'terms: [bibliotek' },
    expected: [
      {
        file: 'statements.yaml',
        line: st('terms: [bibliotek]', 1),
        message:
          'not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
      },
    ],
  },
  {
    mistake: 'malformed YAML: an unquoted colon in a rationale',
    edit: {
      file: 'statements.yaml',
      find: 'rationale: A rejects fees.',
      replace: 'rationale: A rejects: fees.',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('rationale: A rejects fees.'),
        message: 'not valid YAML: Nested mappings are not allowed in compact mappings',
      },
    ],
  },

  // --- Programme copies -----------------------------------------------------------------------
  {
    // Even an invisible edit (one trailing space) breaks the checksum; the issue points at the
    // sha256 line of the party in parties.yaml, not at the programme file.
    mistake: 'a programme file edited after copying',
    edit: {
      file: 'sources/a-program.txt',
      find: 'Dela på Facebook\n',
      replace: 'Dela på Facebook \n',
    },
    expected: [
      {
        file: 'parties.yaml',
        line: 9,
        message: 'party "a": sources/a-program.txt has changed since it was copied',
      },
    ],
  },

  // --- Content rules of the whole bank --------------------------------------------------------
  {
    mistake: 'a statement nobody takes a stand on',
    edit: {
      file: 'statements.yaml',
      find: bOnForeningsdrivna,
      replace: '    b: { position: null, confidence: 0 }\n',
    },
    expected: [
      {
        file: 'statements.yaml',
        line: st('- id: foreningsdrivna-bibliotek'),
        message: 'statement "foreningsdrivna-bibliotek": no party takes a stand on it',
      },
    ],
  },
  {
    // A becomes silent on kulturskola-avgift: it then takes a stand on 1 of 4 statements, under minCoverage 0.3.
    mistake: 'a party below the coverage rule',
    edit: {
      file: 'statements.yaml',
      find: aOnKulturskolaAvgift,
      replace: '    a: { position: null, confidence: 0 }\n',
    },
    expected: [
      {
        file: 'parties.yaml',
        line: 1,
        message: 'party "a" takes a stand on 1 of 4 statements (25 %); the rule is at least 30 %',
      },
    ],
  },
  {
    mistake: 'two parties with identical positions on every statement',
    edit: { file: 'statements.yaml', write: twinStatements },
    expected: [
      {
        file: 'parties.yaml',
        line: 12,
        message: 'parties "a" and "b" have identical positions on every statement',
      },
    ],
  },

  // --- compass.yaml ---------------------------------------------------------------------------
  {
    mistake: 'a coded date that is not a date',
    edit: { file: 'compass.yaml', find: 'coded: "2026-11-23"', replace: 'coded: "23/11/2026"' },
    expected: [
      {
        file: 'compass.yaml',
        line: line('compass.yaml', 'coded: "2026-11-23"'),
        message: 'coded "23/11/2026" must be a date like "2026-11-23"',
      },
    ],
  },
  {
    mistake: 'a coded date that looks right but does not exist',
    edit: { file: 'compass.yaml', find: 'coded: "2026-11-23"', replace: 'coded: "2026-02-30"' },
    expected: [
      {
        file: 'compass.yaml',
        line: line('compass.yaml', 'coded: "2026-11-23"'),
        message: 'coded "2026-02-30" is not a real calendar date',
      },
    ],
  },

  // --- Easy-read Swedish (rules.easyRead) -----------------------------------------------------
  {
    mistake: 'a statement without an easy block when compass.yaml requires one',
    edit: [withEasyRules('{ required: true }'), { file: 'statements.yaml', write: missingEasy }],
    expected: [
      {
        file: 'statements.yaml',
        line: lineIn(missingEasy, '- id: kulturskola-avgift'),
        message:
          'statement "kulturskola-avgift" has no easy-read version, which this compass requires (rules.easyRead in compass.yaml); add "easy:" with "text:" and "explainer:"',
      },
    ],
  },
  {
    mistake: 'an easy-read text over the word limit',
    edit: [
      withEasyRules('{ required: true, maxWords: 15 }'),
      { file: 'statements.yaml', write: tooLong },
    ],
    expected: [
      {
        file: 'statements.yaml',
        line: lineIn(tooLong, `text: ${JSON.stringify(longText)}`),
        message:
          'statement "fler-bibliotek": easy.text has 17 words; the limit is 15 (rules.easyRead.maxWords)',
      },
    ],
  },
  {
    mistake: 'easy-read texts whose median LIX is over the limit',
    edit: [
      withEasyRules('{ required: true, maxWords: 15, maxMedianLix: 30 }'),
      { file: 'statements.yaml', write: hardTexts },
    ],
    expected: [
      {
        file: 'statements.yaml',
        line: lineIn(hardTexts, 'text: "Kommunstyrelsen'),
        message:
          'the median LIX of the easy-read texts (easy.text) is 64.4; the limit is 30 (rules.easyRead.maxMedianLix): use shorter sentences and shorter everyday words, starting with the hardest: "fler-bibliotek" (LIX 105), "kulturskola-avgift" (LIX 79), "foreningsdrivna-bibliotek" (LIX 49.9)',
      },
    ],
  },
  {
    mistake: 'an empty easy-read explainer',
    edit: { file: 'statements.yaml', write: emptyExplainer },
    expected: [
      {
        file: 'statements.yaml',
        line: lineIn(emptyExplainer, 'explainer: "  "'),
        message: 'easy-read explainer (easy.explainer) is empty; write it out',
      },
    ],
  },
  {
    mistake: 'an easy-read rule that is not a number',
    edit: withEasyRules('{ required: true, maxWords: fifteen }'),
    expected: [
      {
        file: 'compass.yaml',
        line: line('compass.yaml', '  maxAgreeAllPercent: 90\n', 1),
        message: 'easyRead.maxWords must be a number',
      },
    ],
  },
];

describe('the demo bank', () => {
  it('is valid, so every mutation below breaks exactly what it says', () => {
    const result = loadBank(demo, demo);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok).toBe(true);
  });
});

describe('a Swedish-only bank', () => {
  it('is valid: English is optional when no text has it', () => {
    const dir = editedCopy([]);
    for (const file of ['compass.yaml', 'statements.yaml', 'glossary.yaml']) {
      const at = path.join(dir, file);
      const swedish = fs
        .readFileSync(at, 'utf8')
        .replace(/, en: [^}]*\}/g, ' }')
        .replace(/^ *en: .*\n/gm, '');
      expect(swedish).not.toMatch(/\ben:/);
      fs.writeFileSync(at, swedish);
    }
    const result = loadBank(dir, dir);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (result.ok) expect(result.compass.title).toEqual({ sv: 'Demokompass' });
  });
});

describe('broken banks', () => {
  it('has a case for every kind of mistake listed', () => {
    expect(mistakes.length).toBeGreaterThanOrEqual(14);
    expect(new Set(mistakes.map((m) => m.mistake)).size).toBe(mistakes.length);
  });

  it.each(mistakes)('$mistake', ({ edit, expected }) => {
    const dir = editedCopy(edit);
    const result = loadBank(dir, dir);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual(
      expected.map(({ file, line, message }) => ({
        file,
        line,
        message: expect.stringContaining(message),
      })),
    );
  });
});

describe('the validate CLI', () => {
  it('exits 1 and prints file:line: message for a broken bank', () => {
    const dir = editedCopy({
      file: 'statements.yaml',
      find: 'bibliotek i alla stadsdelar.',
      replace: 'bibliotek i alla kommundelar.',
    });
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/tools/validate.ts', dir], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(run.error).toBeUndefined();
    expect(run.stderr).toMatch(/^.+statements\.yaml:\d+: .+$/m);
    expect(run.stderr).toMatch(
      new RegExp(
        `^.+statements\\.yaml:${aQuoteLine}: statement "fler-bibliotek": party "a" cites a quote`,
        'm',
      ),
    );
    expect(run.stderr).toContain('1 problem found');
    expect(run.status).toBe(1);
  }, 60_000);
});

describe('markup in bank text', () => {
  it('is kept as plain text, character for character', () => {
    const sv = 'Kommunen ska bygga <b>fet</b> & <script>x</script> bibliotek.';
    const dir = editedCopy({
      file: 'statements.yaml',
      find: 'sv: Kommunen ska bygga fler bibliotek.',
      replace: `sv: '${sv}'`,
    });
    const result = loadBank(dir, dir);
    expect(result.ok ? [] : result.issues).toEqual([]);
    if (!result.ok) return;
    const statement = result.compass.statements.find((s) => s.id === 'fler-bibliotek');
    expect(statement?.text.sv).toBe(sv);
  });
});
