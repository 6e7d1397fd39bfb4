import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCompass, referenceCrc8 } from '../../test/compass-builder.ts';
import { fuzzRuns } from '../../test/tier.ts';
import type { Compass, Position } from '../bank/types.ts';
import type { Voter, VoterAnswer } from '../scoring/index.ts';
import { decodeShare, encodeShare, type ShareDecode, type ShareProblem } from './share-code.ts';

// Properties of share codes over generated compasses and voters, and over 10 000 broken,
// truncated and tampered fragments.

const POS: readonly Position[] = [-1, -0.5, 0, 0.5, 1];
const PROBLEMS: readonly ShareProblem[] = [
  'empty',
  'malformed',
  'unsupported-version',
  'other-compass',
  'outdated',
  'truncated',
  'corrupt',
];
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function makeCompass(id: string, version: string, statements: number, parties: number): Compass {
  return buildCompass({
    id,
    version,
    parties: Array.from({ length: parties }, (_, i) => ({ id: `p${i}` })),
    statements: Array.from({ length: statements }, (_, j) => ({ id: `s${j}` })),
  });
}

const idArb = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
/** Versions: dotted numbers, and text with the characters that need care in a URL. */
const versionArb = fc.oneof(
  fc.array(fc.nat(2030), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('.')),
  fc.string({
    unit: fc.constantFrom('.', '~', '%', ' ', '/', '#', '-', '+', '?', '&', 'a', '1', 'ä', '😀'),
    minLength: 1,
    maxLength: 10,
  }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }),
);

const compassArb = fc
  .record({
    id: idArb,
    version: versionArb,
    statements: fc.integer({ min: 1, max: 40 }),
    parties: fc.integer({ min: 1, max: 12 }),
  })
  .map((c) => makeCompass(c.id, c.version, c.statements, c.parties));

/** One statement's entry in a generated voter: left out, undefined, skipped or answered. */
const entryArb = fc.oneof(
  fc.constant('absent' as const),
  fc.constant(undefined),
  fc.record(
    { answer: fc.constant('skip' as const), important: fc.boolean() },
    { requiredKeys: ['answer'] },
  ),
  fc.record(
    { answer: fc.constantFrom(...POS), important: fc.boolean() },
    { requiredKeys: ['answer'] },
  ),
);

const voterArb = (compass: Compass): fc.Arbitrary<Voter> =>
  fc
    .record({
      entries: fc.array(entryArb, {
        minLength: compass.statements.length,
        maxLength: compass.statements.length,
      }),
      reversed: fc.boolean(),
      parties: fc.option(
        fc
          .shuffledSubarray(
            compass.parties.map((p) => p.id),
            { minLength: 1 },
          )
          .chain((ids) =>
            fc.array(fc.constantFrom(...ids), { maxLength: 3 }).map((dups) => [...ids, ...dups]),
          ),
        { nil: undefined },
      ),
    })
    .map(({ entries, reversed, parties }) => {
      const pairs: [string, VoterAnswer | undefined][] = [];
      entries.forEach((entry, j) => {
        if (entry !== 'absent') pairs.push([compass.statements[j]!.id, entry]);
      });
      if (reversed) pairs.reverse();
      const answers = Object.fromEntries(pairs);
      return parties === undefined ? { answers } : { answers, parties };
    });

const caseArb = compassArb.chain((compass) =>
  voterArb(compass).map((voter) => ({ compass, voter })),
);

/** What decoding should give: answered statements only, `important` only when true, parties in compass order. */
function normalise(compass: Compass, voter: Voter): Voter {
  const answers: Record<string, VoterAnswer> = {};
  for (const s of compass.statements) {
    const a = voter.answers[s.id];
    if (a === undefined || a.answer === 'skip') continue;
    answers[s.id] =
      a.important === true ? { answer: a.answer, important: true } : { answer: a.answer };
  }
  if (voter.parties === undefined) return { answers };
  const chosen = new Set(voter.parties);
  return { answers, parties: compass.parties.map((p) => p.id).filter((id) => chosen.has(id)) };
}

/** The result has exactly the declared shape, and an accepted voter fits the compass. */
function expectShape(compass: Compass, result: ShareDecode): void {
  expect(typeof result).toBe('object');
  if (!result.ok) {
    expect(Object.keys(result).sort()).toEqual(['ok', 'problem']);
    expect(result.ok).toBe(false);
    expect(PROBLEMS).toContain(result.problem);
    return;
  }
  expect(Object.keys(result).sort()).toEqual(['ok', 'voter']);
  const { voter } = result;
  const statementIds = compass.statements.map((s) => s.id);
  const partyIds = compass.parties.map((p) => p.id);
  expect(Object.keys(voter).every((k) => k === 'answers' || k === 'parties')).toBe(true);
  for (const [id, a] of Object.entries(voter.answers)) {
    expect(statementIds).toContain(id);
    expect(POS).toContain(a!.answer);
    expect(a!.important === undefined || a!.important).toBe(true);
    expect(Object.keys(a!).every((k) => k === 'answer' || k === 'important')).toBe(true);
  }
  if ('parties' in voter) {
    const parties = voter.parties!;
    expect(parties.length).toBeGreaterThan(0);
    expect(parties).toEqual(partyIds.filter((id) => parties.includes(id)));
  }
}

describe('share codes: round trip', () => {
  it('decode(encode(v)) is v normalised, and encoding is canonical', () => {
    fc.assert(
      fc.property(caseArb, ({ compass, voter }) => {
        const code = encodeShare(compass, voter);
        const expected = normalise(compass, voter);
        const decoded = decodeShare(compass, code);
        expect(decoded).toStrictEqual({ ok: true, voter: expected });
        expect(encodeShare(compass, expected)).toBe(code);
        expect(encodeShare(compass, voter)).toBe(code);
        expect(code.split('.')).toHaveLength(4);
        expect(code.length).toBeLessThanOrEqual(2000);
        // Decoding also works behind '#', and percent-encoded.
        expect(decodeShare(compass, `#${code}`)).toStrictEqual(decoded);
        expect(decodeShare(compass, encodeURIComponent(`#${code}`))).toStrictEqual(decoded);
      }),
      { numRuns: fuzzRuns(200, 10_000) },
    );
  });

  it('different voters give different codes', () => {
    fc.assert(
      fc.property(
        compassArb.chain((compass) =>
          fc.tuple(fc.constant(compass), voterArb(compass), voterArb(compass)),
        ),
        ([compass, a, b]) => {
          const same =
            JSON.stringify(normalise(compass, a)) === JSON.stringify(normalise(compass, b));
          expect(encodeShare(compass, a) === encodeShare(compass, b)).toBe(same);
        },
      ),
      { numRuns: fuzzRuns(100, 5000) },
    );
  });
});

type Mutation =
  | { kind: 'truncate'; at: number }
  | { kind: 'replace'; at: number; by: string }
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; count: number }
  | { kind: 'duplicate'; at: number; count: number }
  | { kind: 'swap'; at: number }
  | { kind: 'field'; field: number; text: string }
  | { kind: 'version'; version: string }
  | { kind: 'wrap'; how: 'hash' | 'percent' | 'space' };

const charArb = fc.oneof(
  fc.constantFrom(...B64),
  fc.constantFrom('.', '~', '%', '#', '=', '+', '/', ' ', '\u0000', '\uD800', 'ä', '😀'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), by: charArb }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.oneof(fc.string({ unit: charArb, minLength: 1, maxLength: 4 }), fc.string()),
  }),
  fc.record({
    kind: fc.constant('delete' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('duplicate' as const),
    at: fc.nat(),
    count: fc.integer({ min: 1, max: 12 }),
  }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.nat() }),
  fc.record({
    kind: fc.constant('field' as const),
    field: fc.nat(3),
    text: fc.oneof(fc.constantFrom('', '0', '1', '2', '99', 'x'), fc.string({ unit: charArb })),
  }),
  fc.record({ kind: fc.constant('version' as const), version: versionArb }),
  fc.record({
    kind: fc.constant('wrap' as const),
    how: fc.constantFrom('hash', 'percent', 'space'),
  }),
);

/** encodeURIComponent, leaving text with a lone surrogate (which it cannot encode) as it is. */
function percentEncoded(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return text;
  }
}

function applyMutation(code: string, m: Mutation): string {
  const at = (n: number) => (code.length === 0 ? 0 : n % (code.length + 1));
  switch (m.kind) {
    case 'truncate':
      return code.slice(0, at(m.at));
    case 'replace':
      return code.slice(0, at(m.at)) + m.by + code.slice(at(m.at) + 1);
    case 'insert':
      return code.slice(0, at(m.at)) + m.text + code.slice(at(m.at));
    case 'delete':
      return code.slice(0, at(m.at)) + code.slice(at(m.at) + m.count);
    case 'duplicate': {
      const piece = code.slice(at(m.at), at(m.at) + m.count);
      return code.slice(0, at(m.at)) + piece + piece + code.slice(at(m.at) + m.count);
    }
    case 'swap': {
      const i = at(m.at);
      return code.slice(0, i) + code.slice(i + 1, i + 2) + code.slice(i, i + 1) + code.slice(i + 2);
    }
    case 'field': {
      const fields = code.split('.');
      if (fields.length > 0) fields[m.field % fields.length] = m.text;
      return fields.join('.');
    }
    case 'version': {
      const fields = code.split('.');
      if (fields.length === 4)
        fields[2] = encodeURIComponent(m.version).replaceAll('~', '%7E').replaceAll('.', '~');
      return fields.join('.');
    }
    case 'wrap':
      return m.how === 'hash'
        ? `#${code}`
        : m.how === 'percent'
          ? percentEncoded(code)
          : ` ${code}\n`;
  }
}

/** A fragment to decode: a mutated valid code, or something made up from scratch. */
type Fragment =
  | { kind: 'mutated'; mutations: Mutation[] }
  | { kind: 'unicode'; text: string }
  | { kind: 'base64'; text: string }
  | { kind: 'crafted'; bytes: number[] };

const fragmentArb: fc.Arbitrary<Fragment> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('mutated' as const),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('unicode' as const),
      text: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: charArb, maxLength: 40 }),
        fc.string({ unit: 'grapheme', maxLength: 2100 }),
      ),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('base64' as const),
      text: fc.string({ unit: fc.constantFrom(...B64), maxLength: 40 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('crafted' as const),
      bytes: fc.array(fc.oneof(fc.nat(255), fc.nat(15), fc.constantFrom(0, 1, 2, 3)), {
        maxLength: 30,
      }),
    }),
  },
);

type Against = 'same' | 'other-version' | 'other-id' | 'more-statements' | 'more-parties';

function variant(compass: Compass, against: Against): Compass {
  const n = compass.statements.length;
  const p = compass.parties.length;
  switch (against) {
    case 'same':
      return compass;
    case 'other-version':
      return { ...compass, version: `${compass.version}.1` };
    case 'other-id':
      return { ...compass, id: `${compass.id}-x` };
    case 'more-statements':
      return makeCompass(compass.id, compass.version, n + 1, p);
    case 'more-parties':
      return makeCompass(compass.id, compass.version, n, p + 1);
  }
}

describe('share codes: broken, truncated and tampered fragments', () => {
  it('decodeShare never throws, keeps its shape, and what it accepts re-encodes canonically', () => {
    let accepted = 0;
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        caseArb,
        fragmentArb,
        fc.constantFrom<Against>(
          'same',
          'same',
          'same',
          'other-version',
          'other-id',
          'more-statements',
          'more-parties',
        ),
        ({ compass, voter }, fragment, against) => {
          const code = encodeShare(compass, voter);
          const header = code.slice(0, code.lastIndexOf('.') + 1);
          let text: string;
          switch (fragment.kind) {
            case 'mutated':
              text = fragment.mutations.reduce(applyMutation, code);
              break;
            case 'unicode':
              text = fragment.text;
              break;
            case 'base64':
              text = header + fragment.text;
              break;
            case 'crafted': {
              const seed = [...Buffer.from(`${compass.id}.${compass.version}`, 'utf8')];
              const crc = referenceCrc8([...seed, ...fragment.bytes]);
              text = header + Buffer.from([...fragment.bytes, crc]).toString('base64url');
              break;
            }
          }
          const target = variant(compass, against);

          const result = decodeShare(target, text);
          expectShape(target, result);
          if (!result.ok) {
            seen.add(result.problem);
            return;
          }
          accepted++;
          // What it accepts is a voter that encodes to a canonical code reading back the same.
          const recoded = encodeShare(target, result.voter);
          expect(decodeShare(target, recoded)).toStrictEqual(result);
          expect(encodeShare(target, normalise(target, result.voter))).toBe(recoded);
          if (against === 'same' && text === code)
            expect(result.voter).toStrictEqual(normalise(compass, voter));
        },
      ),
      { numRuns: fuzzRuns(10_000, 100_000) },
    );
    // The generator reaches every kind of answer, and some tampered codes still read.
    expect([...seen].sort()).toEqual([...PROBLEMS].sort());
    expect(accepted).toBeGreaterThan(100);
  });

  it('a strict prefix of a code never reads', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), ({ compass, voter }, cut) => {
        const code = encodeShare(compass, voter);
        const prefix = code.slice(0, cut % code.length);
        expect(decodeShare(compass, prefix).ok).toBe(false);
      }),
      { numRuns: fuzzRuns(200, 10_000) },
    );
  });

  it('one changed character in the data never reads (CRC-8 catches every burst up to 8 bits)', () => {
    fc.assert(
      fc.property(caseArb, fc.nat(), fc.constantFrom(...B64), ({ compass, voter }, at, by) => {
        const code = encodeShare(compass, voter);
        const dataStart = code.lastIndexOf('.') + 1;
        const i = dataStart + (at % (code.length - dataStart));
        fc.pre(code[i] !== by);
        const tampered = code.slice(0, i) + by + code.slice(i + 1);
        const result = decodeShare(compass, tampered);
        expect(result.ok).toBe(false);
      }),
      { numRuns: fuzzRuns(300, 20_000) },
    );
  });
});
