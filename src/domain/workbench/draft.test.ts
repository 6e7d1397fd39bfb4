import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadBank } from '../../tools/load-bank.ts';
import { checkBank } from '../bank/check-bank.ts';
import { checkContent } from '../bank/check-content.ts';
import { parseCompass } from '../bank/parse-compass.ts';
import { normalizeSpace } from '../bank/quotes.ts';
import type { Compass } from '../bank/types.ts';
import {
  compassToDraft,
  confidenceOf,
  type Draft,
  type DraftCoding,
  type DraftIssue,
  draftToCompass,
  kindOf,
} from './draft.ts';
import { quoteFromSelection } from './quotes.ts';

const programmes = {
  a: 'Vi vill bygga fler bibliotek i kommunen.\nDela på Facebook\nSkatten ska inte höjas under mandatperioden.',
  b: 'Biblioteken ska vara kvar som i dag.\nVi vill sänka skatten för alla som arbetar.',
};
const boilerplate = { a: ['Dela på Facebook'], b: [] };

const quote = (party: 'a' | 'b', text: string) => {
  const start = programmes[party].indexOf(text);
  const result = quoteFromSelection(
    programmes[party],
    start,
    start + text.length,
    boilerplate[party],
  );
  if (!result.ok) throw new Error(`${text}: ${result.reason}`);
  return result.quote;
};
const coding = (
  over: Partial<DraftCoding> & Pick<DraftCoding, 'statement' | 'party'>,
): DraftCoding => ({
  position: null,
  kind: 'silent',
  confidence: 'explicit',
  quotes: [],
  note: '',
  ...over,
});
const en = (sv: string, english: string) => ({ sv, en: english });

const draft: Draft = {
  meta: {
    id: 'testkommun',
    version: '0.1.0',
    coded: '2026-12-01',
    title: en('Valkompass för Testkommun', 'Voting advice for Testkommun'),
    description: en('Två partier, två påståenden.', 'Two parties, two statements.'),
    municipality: 'Testkommun',
    electionDate: '2026-09-13',
    themes: [
      { id: 'kultur', name: en('Kultur', 'Culture') },
      { id: 'skatt', name: en('Skatt', 'Tax') },
    ],
    glossary: [
      {
        id: 'kommunalskatt',
        term: en('kommunalskatt', 'municipal tax'),
        definition: en('Skatt till kommunen.', 'Tax paid to the municipality.'),
      },
    ],
    rules: {
      minStatements: 1,
      maxStatements: 10,
      minThemes: 1,
      minCoverage: 0,
      minLessShare: 0,
      maxAgreeAllPercent: 100,
    },
  },
  parties: [
    {
      id: 'a',
      name: 'Alfapartiet',
      short: 'A',
      colour: '#112233',
      source: { url: 'https://a.example/program', date: '2026-11-01' },
    },
    {
      id: 'b',
      name: 'Betapartiet',
      short: 'B',
      colour: '#445566',
      source: { url: 'https://b.example/program', date: '2026-11-02' },
    },
  ],
  programmes: {
    a: { text: programmes.a, boilerplate: boilerplate.a },
    b: { text: programmes.b, boilerplate: boilerplate.b },
  },
  statements: [
    {
      id: 'fler-bibliotek',
      theme: 'kultur',
      direction: 'more',
      text: en(
        'Kommunen ska bygga fler bibliotek.',
        'The municipality should build more libraries.',
      ),
      explainer: en('Bibliotek lånar ut böcker.', 'Libraries lend books.'),
      terms: [],
    },
    {
      id: 'sank-skatten',
      theme: 'skatt',
      direction: 'less',
      text: en('Kommunalskatten ska sänkas.', 'The municipal tax should be lowered.'),
      explainer: en('Skatten betalar skola och omsorg.', 'The tax pays for schools and care.'),
      terms: ['kommunalskatt'],
    },
  ],
  codings: [
    coding({
      statement: 'fler-bibliotek',
      party: 'a',
      position: 1,
      kind: 'stated',
      quotes: [quote('a', 'Vi vill bygga fler bibliotek i kommunen.')],
      note: 'Ett uttryckligt löfte.',
    }),
    coding({
      statement: 'fler-bibliotek',
      party: 'b',
      position: -0.5,
      kind: 'implied',
      quotes: [quote('b', 'Biblioteken ska vara kvar som i dag.')],
      note: 'Som i dag, alltså inte fler.',
    }),
    coding({
      statement: 'sank-skatten',
      party: 'a',
      position: -0.5,
      kind: 'stated',
      confidence: 'general',
      quotes: [quote('a', 'Skatten ska inte höjas under mandatperioden.')],
      note: 'Inte höjas är inte detsamma som sänkas.',
    }),
    coding({
      statement: 'sank-skatten',
      party: 'b',
      position: 1,
      kind: 'stated',
      quotes: [quote('b', 'Vi vill sänka skatten för alla som arbetar.')],
      note: 'Ett uttryckligt löfte.',
    }),
  ],
};

describe('confidence from the kind of coding', () => {
  it('maps stated / implied / silent to the bank scale and back', () => {
    expect(confidenceOf({ kind: 'stated', confidence: 'explicit' })).toBe(1);
    expect(confidenceOf({ kind: 'stated', confidence: 'general' })).toBe(0.75);
    expect(confidenceOf({ kind: 'implied', confidence: 'general' })).toBe(0.5);
    expect(confidenceOf({ kind: 'silent', confidence: 'explicit' })).toBe(0);
    for (const c of [0, 0.5, 0.75, 1] as const) expect(confidenceOf(kindOf(c))).toBe(c);
  });
});

describe('draftToCompass', () => {
  it("gives a compass the bank's own checks accept", () => {
    const { compass, programmes: out, issues } = draftToCompass(draft);
    expect(issues).toEqual([]);
    expect(checkBank(compass, out)).toEqual([]);
    expect(checkContent(compass)).toEqual([]);
    expect(out).toEqual(programmes);
    expect(compass.parties[0]).toMatchObject({
      municipality: 'Testkommun',
      source: { file: 'sources/a.txt', boilerplate: ['Dela på Facebook'] },
    });
    expect(compass.statements[1]!.stances).toEqual({
      a: {
        position: -0.5,
        confidence: 0.75,
        quotes: ['Skatten ska inte höjas under mandatperioden.'],
        rationale: 'Inte höjas är inte detsamma som sänkas.',
      },
      b: {
        position: 1,
        confidence: 1,
        quotes: ['Vi vill sänka skatten för alla som arbetar.'],
        rationale: 'Ett uttryckligt löfte.',
      },
    });
  });

  it('reports each problem at the draft field it concerns', () => {
    const [first, second, third, fourth] = draft.codings;
    const broken: Draft = {
      ...draft,
      meta: { ...draft.meta, title: { sv: 'Valkompass' } },
      parties: [{ ...draft.parties[0]!, colour: 'röd' }, draft.parties[1]!],
      statements: [
        { ...draft.statements[0]!, text: { sv: '  ', en: 'x' } },
        { ...draft.statements[1]!, theme: 'okant', terms: ['saknas'] },
      ],
      codings: [
        { ...first!, kind: 'silent' },
        { ...second!, quotes: [{ ...second!.quotes[0]!, start: 1 }] },
        { ...third!, note: '' },
        fourth!,
        coding({ statement: 'borttaget', party: 'a' }),
      ],
    };
    const { issues } = draftToCompass(broken);
    const wheres = issues.map((i) => i.where);
    expect(wheres).toEqual(
      expect.arrayContaining([
        { field: 'title.en' },
        { party: 'a', field: 'colour' },
        { statement: 'fler-bibliotek', field: 'text.sv' },
        { statement: 'sank-skatten', field: 'theme' },
        { statement: 'sank-skatten', field: 'terms', index: 0 },
        { statement: 'fler-bibliotek', party: 'a', field: 'kind' },
        { statement: 'fler-bibliotek', party: 'b', field: 'quotes', index: 0 },
        { statement: 'sank-skatten', party: 'a', field: 'note' },
        { statement: 'borttaget', party: 'a', field: 'statement' },
        { theme: 'skatt', field: 'id' },
      ]),
    );
    expect(issues).toHaveLength(10);
    for (const issue of issues) expect(issue.message).not.toBe('');
  });

  it('builds a valid compass from a Swedish-only draft, with no English and no issue about it', () => {
    const swedish = <T extends { sv: string }>({ sv }: T) => ({ sv });
    const { meta } = draft;
    const only: Draft = {
      ...draft,
      meta: {
        ...meta,
        title: swedish(meta.title),
        // A form field emptied by the newsroom counts as not written.
        description: { sv: meta.description.sv, en: '  ' },
        themes: meta.themes.map((t) => ({ ...t, name: swedish(t.name) })),
        glossary: meta.glossary.map((g) => ({
          ...g,
          term: swedish(g.term),
          definition: swedish(g.definition),
        })),
      },
      statements: draft.statements.map((s) => ({
        ...s,
        text: swedish(s.text),
        explainer: swedish(s.explainer),
      })),
    };
    const { compass, programmes: raw, issues } = draftToCompass(only);
    expect(issues).toEqual([]);
    expect(JSON.stringify(compass)).not.toMatch(/"en":/);
    expect(compass.description).toEqual({ sv: meta.description.sv });
    expect(parseCompass(JSON.parse(JSON.stringify(compass)) as unknown, raw).ok).toBe(true);
  });

  it('reports a text without English when the rest of the draft has it, at that text', () => {
    const [first, second] = draft.statements;
    const { issues } = draftToCompass({
      ...draft,
      statements: [{ ...first!, explainer: { sv: first!.explainer.sv } }, second!],
    });
    expect(issues).toEqual([
      {
        where: { statement: 'fler-bibliotek', field: 'explainer.en' },
        message: expect.stringContaining('has no English (en)') as string,
      },
    ]);
  });

  it('reports an uncoded cell there, and leaves the content rules until every cell is coded', () => {
    const { issues } = draftToCompass({ ...draft, codings: draft.codings.slice(0, 3) });
    expect(issues).toEqual([
      {
        where: { statement: 'sank-skatten', party: 'b', field: 'position' },
        message: expect.stringContaining('not coded') as string,
      },
    ]);
  });

  it('says "no party takes a stand" of a statement only once each of its cells is coded', () => {
    const silent = (c: DraftCoding): DraftCoding => ({
      ...c,
      position: null,
      kind: 'silent',
      quotes: [],
    });
    const last = draft.statements.at(-1)!.id;
    const open = draft.codings.filter((c) => c.statement !== last);
    const nobody = (issues: readonly DraftIssue[]) =>
      issues.filter((i) => i.message.includes('no party takes a stand'));
    // Just written, nothing coded: only "not coded" at its cells.
    expect(nobody(draftToCompass({ ...draft, codings: open }).issues)).toEqual([]);
    // Every cell coded silent: now it is true.
    const all = [...open, ...draft.codings.filter((c) => c.statement === last).map(silent)];
    expect(nobody(draftToCompass({ ...draft, codings: all }).issues)).toEqual([
      { where: { statement: last, field: 'id' }, message: expect.any(String) as string },
    ]);
  });

  it('reports a quote from boilerplate at the quote and unknown boilerplate at the programme', () => {
    const start = programmes.a.indexOf('Dela på Facebook');
    const furniture = { start, end: start + 16, text: 'Dela på Facebook' };
    const { issues } = draftToCompass({
      ...draft,
      programmes: { ...draft.programmes, b: { text: programmes.b, boilerplate: ['Finns inte'] } },
      codings: [{ ...draft.codings[0]!, quotes: [furniture] }, ...draft.codings.slice(1)],
    });
    expect(issues.map((i) => i.where)).toEqual([
      { programme: 'b', field: 'boilerplate', index: 0 },
      { statement: 'fler-bibliotek', party: 'a', field: 'quotes', index: 0 },
    ]);
  });
});

describe('draftToCompass on any coding (property)', () => {
  const recode = fc.array(
    fc.record({
      position: fc.constantFrom(-1, -0.5, 0, 0.5, 1, null),
      kind: fc.constantFrom('stated', 'implied', 'silent'),
      confidence: fc.constantFrom('explicit', 'general'),
      quoted: fc.boolean(),
      note: fc.constantFrom('', 'Därför.'),
      keep: fc.boolean(),
    }),
    { minLength: draft.codings.length, maxLength: draft.codings.length },
  );

  it('has no issues only when the bank accepts the compass, and places cell issues at real cells', () => {
    fc.assert(
      fc.property(recode, (changes) => {
        const codings = draft.codings.flatMap((c, i) => {
          const x = changes[i]!;
          if (!x.keep) return [];
          return [
            {
              ...c,
              position: x.position,
              kind: x.kind,
              confidence: x.confidence,
              quotes: x.quoted ? c.quotes : [],
              note: x.note,
            },
          ];
        });
        const { compass, programmes: raw, issues } = draftToCompass({ ...draft, codings });
        const accepted =
          codings.length === draft.codings.length &&
          checkBank(compass, raw).length === 0 &&
          checkContent(compass).length === 0;
        expect(issues.length === 0).toBe(accepted);
        for (const { where } of issues)
          if ('party' in where && 'statement' in where) {
            expect(draft.statements.map((s) => s.id)).toContain(where.statement);
            expect(draft.parties.map((p) => p.id)).toContain(where.party);
          }
      }),
      { numRuns: 200 },
    );
  });
});

describe('compassToDraft', () => {
  it('gives back the draft it was made from', () => {
    const { compass, programmes: raw } = draftToCompass(draft);
    const { draft: back, issues } = compassToDraft(compass, raw);
    expect(issues).toEqual([]);
    expect(draftToCompass(back).compass).toEqual(compass);
    expect(back.codings).toEqual(draft.codings);
  });

  it('round-trips questions/socialpolitik to the same compass (quotes up to whitespace)', () => {
    const loaded = loadBank('questions/socialpolitik');
    if (!loaded.ok) throw new Error('questions/socialpolitik does not load');
    const { draft: imported, issues } = compassToDraft(loaded.compass, loaded.programmes);
    expect(issues).toEqual([]);
    const result = draftToCompass(imported);
    expect(result.issues).toEqual([]);
    const spaced = (c: Compass): Compass => ({
      ...c,
      statements: c.statements.map((s) => ({
        ...s,
        stances: Object.fromEntries(
          Object.entries(s.stances).map(([p, st]) => [
            p,
            { ...st, quotes: st.quotes.map(normalizeSpace) },
          ]),
        ),
      })),
    });
    expect(result.compass).toEqual(spaced(loaded.compass));
    expect(result.programmes).toEqual(loaded.programmes);
  });
});
