import * as v from 'valibot';
import { CONFIDENCES, POSITIONS } from './types.ts';

const shown = (value: unknown): string => JSON.stringify(value) ?? String(value);

const text = (what: string) =>
  v.pipe(v.string(`${what} must be text`), v.trim(), v.nonEmpty(`${what} is empty; write it out`));

const id = (what: string) =>
  v.pipe(
    v.string(`${what} must be text`),
    v.regex(
      /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
      (issue) =>
        `${what} ${shown(issue.input)} is not a valid id; use lower-case letters a-z, digits and single hyphens (e.g. "lss-egen-regi")`,
    ),
  );

const localized = (what: string) =>
  v.strictObject({
    sv: text(`${what} (sv)`),
    en: v.optional(text(`${what} (en)`)),
    ar: v.optional(text(`${what} (ar)`)),
  });

const position = v.nullable(
  v.picklist(
    POSITIONS,
    (issue) =>
      `position ${shown(issue.input)} is not on the scale; use -1, -0.5, 0, 0.5 or 1, or null when the programme is silent`,
  ),
);

const confidence = v.picklist(
  CONFIDENCES,
  (issue) =>
    `confidence ${shown(issue.input)} is not allowed; use 1 (explicit), 0.75 (explicit but general), 0.5 (implied) or 0 (silent)`,
);

const stance = v.strictObject({
  position,
  confidence,
  quotes: v.optional(
    v.array(text('a quote'), 'quotes must be a list of quotes (each line starting with "- ")'),
    [],
  ),
  rationale: v.optional(v.pipe(v.string('rationale must be text'), v.trim()), ''),
});

const theme = v.strictObject({ id: id('theme id'), name: localized('theme name') });

const party = v.strictObject({
  id: id('party id'),
  name: text('party name'),
  short: text('party short name'),
  municipality: text('municipality'),
  colour: v.pipe(
    v.string('colour must be text'),
    v.regex(
      /^#[0-9a-fA-F]{6}$/,
      (issue) => `colour ${shown(issue.input)} must look like "#E8112D"`,
    ),
  ),
  source: v.strictObject({
    file: text('source file'),
    url: v.pipe(
      text('source url'),
      v.regex(
        /^https?:\/\/\S+$/,
        (issue) => `source url ${shown(issue.input)} must start with https://`,
      ),
    ),
    title: v.optional(text('source title')),
    seed: v.optional(text('seed file name')),
    sha256: v.optional(
      v.pipe(
        v.string('sha256 must be text'),
        v.regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits'),
      ),
    ),
    boilerplate: v.optional(v.array(text('a boilerplate passage')), []),
  }),
});

const statement = v.strictObject({
  id: id('statement id'),
  theme: id('theme'),
  direction: v.picklist(
    ['more', 'less'],
    (issue) =>
      `direction ${shown(issue.input)} is not allowed; use "more" (agreeing means more of something) or "less" (less, stricter, cheaper, or one priority before another)`,
  ),
  text: localized('statement text'),
  explainer: localized('explainer'),
  easy: v.optional(
    v.strictObject({
      text: text('easy-read text (easy.text)'),
      explainer: text('easy-read explainer (easy.explainer)'),
    }),
  ),
  terms: v.optional(v.array(id('glossary id')), []),
  stances: v.record(v.string(), stance, 'stances must list every party id with its stance'),
});

const glossaryEntry = v.strictObject({
  id: id('glossary id'),
  term: localized('term'),
  definition: localized('definition'),
});

const fraction = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.minValue(0, `${what} must be 0..1`),
    v.maxValue(1, `${what} must be 0..1`),
  );
const count = (what: string) =>
  v.pipe(
    v.number(`${what} must be a number`),
    v.integer(`${what} must be a whole number`),
    v.minValue(0, `${what} must be ≥ 0`),
  );

const rules = v.strictObject({
  minStatements: v.optional(count('minStatements'), 1),
  maxStatements: v.optional(count('maxStatements'), 1000),
  minThemes: v.optional(count('minThemes'), 1),
  minCoverage: v.optional(fraction('minCoverage'), 0),
  minLessShare: v.optional(fraction('minLessShare'), 0),
  maxAgreeAllPercent: v.optional(
    v.pipe(v.number('maxAgreeAllPercent must be a number'), v.minValue(0), v.maxValue(100)),
    100,
  ),
  /** Absent: the compass makes no easy-read promise, and nothing about `easy` is checked. */
  easyRead: v.optional(
    v.strictObject({
      required: v.optional(
        v.boolean('easyRead.required must be true or false (without quotes)'),
        false,
      ),
      maxWords: v.optional(
        v.pipe(count('easyRead.maxWords'), v.minValue(1, 'easyRead.maxWords must be at least 1')),
      ),
      maxMedianLix: v.optional(
        v.pipe(
          v.number('easyRead.maxMedianLix must be a number'),
          v.minValue(0, 'easyRead.maxMedianLix must be ≥ 0'),
        ),
      ),
    }),
  ),
});

/** The schema of an assembled compass (compass.yaml + parties + statements + glossary). */
export const compassSchema = v.strictObject({
  /** Present in the published JSON; ignored. */
  $schema: v.optional(v.string()),
  id: id('compass id'),
  version: text('version'),
  coded: v.pipe(
    v.string('coded must be a date written as text, e.g. "2026-11-23"'),
    v.isoDate((issue) => `coded ${shown(issue.input)} must be a date like "2026-11-23"`),
    v.check(
      (date) => {
        // Only judge what isoDate let through; its own message covers the rest.
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return true;
        const day = new Date(`${date}T00:00:00Z`);
        return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
      },
      (issue) => `coded ${shown(issue.input)} is not a real calendar date`,
    ),
  ),
  title: localized('title'),
  description: localized('description'),
  themes: v.array(theme, 'themes must be a list'),
  parties: v.array(party, 'the parties file must be a list of parties'),
  statements: v.array(statement, 'the statements file must be a list of statements'),
  glossary: v.optional(v.array(glossaryEntry, 'the glossary file must be a list of terms'), []),
  rules: v.optional(rules, {}),
  license: v.optional(text('license')),
});
