import { describe, expect, it } from 'vitest';
import { buildCompass, referenceCrc8 } from '../../test/compass-builder.ts';
import type { Compass } from '../bank/types.ts';
import type { Voter } from '../scoring/index.ts';
import {
  decodeShare,
  encodeShare,
  MAX_SHARE_LENGTH,
  SHARE_FORMAT_VERSION,
  type ShareProblem,
} from './share-code.ts';

function compassOf(
  statements: string[],
  parties: string[],
  { id = 'test', version = '2026.1' }: { id?: string; version?: string } = {},
): Compass {
  return buildCompass({
    id,
    version,
    parties: parties.map((p) => ({ id: p })),
    statements: statements.map((s) => ({ id: s, theme: 'x' })),
  });
}

// An independent reference for the byte layer, straight from the format description: CRC-8 bit by
// bit (referenceCrc8), UTF-8 and base64url from Node (tests may use Node; the module may not).
/** A share code for `compass` around arbitrary data bytes, with a correct checksum. */
function craft(compass: Compass, data: number[], prefix = `1.${compass.id}.2026~1.`): string {
  const crc = referenceCrc8([...Buffer.from(`${compass.id}.${compass.version}`, 'utf8'), ...data]);
  return prefix + Buffer.from([...data, crc]).toString('base64url');
}

const compass = compassOf(['s1', 's2', 's3'], ['a', 'b', 'c']);
const voter: Voter = {
  answers: {
    s1: { answer: 1, important: true },
    s2: { answer: -0.5 },
    s3: { answer: 'skip' },
  },
};
const problem = (fragment: string, against: Compass = compass): ShareProblem | 'ok' => {
  const result = decodeShare(against, fragment);
  return result.ok ? 'ok' : result.problem;
};

describe('the byte layer', () => {
  it('the reference CRC-8 has the catalogue check value of CRC-8/SMBUS', () => {
    expect(referenceCrc8(Buffer.from('123456789'))).toBe(0xf4);
  });

  it('writes SHARE_FORMAT_VERSION first and reads the next format version as unsupported', () => {
    const [format, ...rest] = encodeShare(compass, voter).split('.');
    expect(format).toBe(String(SHARE_FORMAT_VERSION));
    expect(problem([format, ...rest].join('.'))).toBe('ok');
    expect(problem([String(SHARE_FORMAT_VERSION + 1), ...rest].join('.'))).toBe(
      'unsupported-version',
    );
  });
});

describe('encodeShare: worked examples', () => {
  it('encodes 3 statements, one important, one skipped, no party filter', () => {
    // Header: format 1, compass id "test", version "2026.1" → encodeURIComponent → "2026.1",
    // "." → "~" → "2026~1".
    // Data bytes:
    //   N         = 3                                   → 0x03
    //   s1, s2    = (5 | 8 important) = 0xD, 2 (−0.5)   → 0xD2
    //   s3, pad   = 0 (skip), 0                         → 0x00
    //   P         = 3                                   → 0x03
    //   flag      = 0 (all parties)                     → 0x00
    //   CRC-8 over "test.2026.1" = 74 65 73 74 2E 32 30 32 36 2E 31, then 03 D2 00 03 00.
    //     Register after each byte (crc ^= byte, then 8 × shift left, ^0x07 when the top bit fell
    //     out): 4B CA 26 B9 EC 14 FC 64 B9 EC 1D | 5A B1 1E 53 BE → 0xBE.
    // base64url of 03 D2 00 | 03 00 BE:
    //   000000 111101 001000 000000 → A 9 I A;   000000 110000 000010 111110 → A w C -
    expect(referenceCrc8([...Buffer.from('test.2026.1'), 0x03, 0xd2, 0x00, 0x03, 0x00])).toBe(0xbe);
    expect(encodeShare(compass, voter)).toBe('1.test.2026~1.A9IAAwC-');
  });

  it('decodes it back, skips dropped', () => {
    expect(decodeShare(compass, '1.test.2026~1.A9IAAwC-')).toEqual({
      ok: true,
      voter: { answers: { s1: { answer: 1, important: true }, s2: { answer: -0.5 } } },
    });
  });

  it('round-trips a party filter, in compass order', () => {
    // 03 | 00 30 (s3 = 0 → code 3) | 03 | 01 | 05 (a = bit 0, c = bit 2) | CRC
    const code = encodeShare(compass, { answers: { s3: { answer: 0 } }, parties: ['c', 'a'] });
    expect(code).toBe(craft(compass, [0x03, 0x00, 0x30, 0x03, 0x01, 0x05]));
    expect(code).toBe('1.test.2026~1.AwAwAwEFPQ');
    expect(decodeShare(compass, code)).toEqual({
      ok: true,
      voter: { answers: { s3: { answer: 0 } }, parties: ['a', 'c'] },
    });
  });

  it('is canonical: missing, undefined and skipped encode alike; important on a skip is dropped', () => {
    const a = encodeShare(compass, { answers: { s1: { answer: 1, important: true } } });
    const b = encodeShare(compass, {
      answers: {
        s3: { answer: 'skip', important: true },
        s1: { answer: 1, important: true },
        s2: undefined,
      },
    });
    const c = encodeShare(compass, {
      answers: { s1: { answer: 1, important: true }, s2: { answer: 'skip', important: false } },
    });
    expect(b).toBe(a);
    expect(c).toBe(a);
  });

  it('writes versions with dots, tildes and other characters so that they survive', () => {
    const odd = compassOf(['s1'], ['a'], { version: 'v~2.0 beta/ä%' });
    const code = encodeShare(odd, { answers: { s1: { answer: -1 } } });
    expect(code.startsWith('1.test.v%7E2~0%20beta%2F%C3%A4%25.')).toBe(true);
    expect(code.split('.')).toHaveLength(4);
    expect(decodeShare(odd, code)).toEqual({
      ok: true,
      voter: { answers: { s1: { answer: -1 } } },
    });
    // A version that differs only by "~" against "." is another version.
    expect(problem(code, compassOf(['s1'], ['a'], { version: 'v.2.0 beta/ä%' }))).toBe('outdated');
  });

  it('throws only on programmer errors', () => {
    expect(() => encodeShare(compass, { answers: { nope: { answer: 1 } } })).toThrow(
      /unknown statement id "nope"/,
    );
    expect(() => encodeShare(compass, { answers: {}, parties: ['x'] })).toThrow(/unknown party/);
    expect(() => encodeShare(compass, { answers: {}, parties: [] })).toThrow(/empty party filter/);
    expect(() => encodeShare(compass, { answers: { s1: { answer: 2 as unknown as 1 } } })).toThrow(
      /the answer to "s1" is 2/,
    );
    expect(() => encodeShare(compassOf([], ['a']), { answers: {} })).toThrow(/1 to 255/);
    expect(() => encodeShare(compassOf(['s1'], ['a'], { id: 'a.b' }), { answers: {} })).toThrow(
      /compass id/,
    );
  });

  it('encodes an empty voter and a 255-statement compass', () => {
    expect(decodeShare(compass, encodeShare(compass, { answers: {} }))).toEqual({
      ok: true,
      voter: { answers: {} },
    });
    const ids = Array.from({ length: 255 }, (_, i) => `s${i}`);
    const big = compassOf(ids, ['a']);
    const all: Voter = {
      answers: Object.fromEntries(ids.map((id) => [id, { answer: 0.5, important: true }])),
    };
    const code = encodeShare(big, all);
    expect(code.length).toBeLessThan(200);
    expect(decodeShare(big, code)).toEqual({ ok: true, voter: all });
  });
});

describe('decodeShare: what it accepts', () => {
  const expected = decodeShare(compass, '1.test.2026~1.A9IAAwC-');

  it.each([
    ['#1.test.2026~1.A9IAAwC-'],
    ['  #1.test.2026~1.A9IAAwC-\n'],
    ['%231.test.2026~1.A9IAAwC-'],
    ['1%2Etest%2E2026%7E1%2EA9IAAwC-'],
    [encodeURIComponent('#1.test.2026~1.A9IAAwC-')],
  ])('%j', (fragment) => {
    expect(expected.ok).toBe(true);
    expect(decodeShare(compass, fragment)).toEqual(expected);
  });

  it('reads a version with percent signs both as written and percent-encoded once more', () => {
    const odd = compassOf(['s1'], ['a'], { version: '50% off.1' });
    const code = encodeShare(odd, { answers: { s1: { answer: 0.5 } } });
    expect(code).toMatch(/^1\.test\.50%25%20off~1\./);
    const want = { ok: true, voter: { answers: { s1: { answer: 0.5 } } } };
    expect(decodeShare(odd, code)).toEqual(want);
    expect(decodeShare(odd, `#${code}`)).toEqual(want);
    expect(decodeShare(odd, encodeURIComponent(code))).toEqual(want);
    // Also as a browser may show it, decoded: the version with "." → "~".
    expect(decodeShare(odd, `1.test.50% off~1.${code.split('.')[3]!}`)).toEqual(want);
  });
});

describe('decodeShare: every problem, by a concrete string', () => {
  const cases: [ShareProblem, string, string][] = [
    ['empty', 'nothing', ''],
    ['empty', 'just the hash', '#'],
    ['empty', 'white space', '  # '],
    ['malformed', 'not a share code', 'hello'],
    ['malformed', 'three fields', '1.test.2026~1'],
    ['malformed', 'five fields', '1.test.2026~1.A9IAAwC-.x'],
    ['malformed', 'a character outside base64url', '1.test.2026~1.A9IA+wC-'],
    ['malformed', 'padding', '1.test.2026~1.A9IAAwC-=='],
    ['malformed', 'a broken percent escape', '1.test.2026~1.A9IAAwC-%E0%A4'],
    ['malformed', 'an empty compass id', '1..2026~1.A9IAAwC-'],
    ['malformed', 'an empty version', '1.test..A9IAAwC-'],
    ['malformed', 'a non-canonical format version', '01.test.2026~1.A9IAAwC-'],
    ['malformed', 'a whole URL', 'https://example.org/#1.test.2026~1.A9IAAwC-'],
    ['malformed', 'over the length limit', `1.test.2026~1.${'A'.repeat(MAX_SHARE_LENGTH)}`],
    ['unsupported-version', 'format 2', '2.test.2026~1.A9IAAwC-'],
    ['unsupported-version', 'format 0, other layout', '0.whatever'],
    ['other-compass', 'another compass id', '1.skola.2026~1.A9IAAwC-'],
    ['outdated', 'another compass version', '1.test.2025~1.A9IAAwC-'],
    ['malformed', 'the version with its dot left in', '1.test.2026.1.A9IAAwC-'],
    ['truncated', 'no data', '1.test.2026~1.'],
    ['truncated', 'the checksum cut off', '1.test.2026~1.A9IAAw'],
    ['truncated', 'the last character cut off', '1.test.2026~1.A9IAAwC'],
    ['truncated', 'the party section cut off', '1.test.2026~1.A9IA'],
    ['corrupt', 'one character changed', '1.test.2026~1.A9IAAwD-'],
    ['corrupt', 'two characters swapped', '1.test.2026~1.A9IAAw-C'],
    ['corrupt', 'unused base64url bits set', '1.test.2026~1.AwAwAwEFPR'],
    ['corrupt', 'a byte too many', '1.test.2026~1.A9IAAwC-AA'],
    ['corrupt', 'one character too many', '1.test.2026~1.A9IAAwC-A'],
  ];

  it.each(cases)('%s: %s', (want, _what, fragment) => {
    expect(problem(fragment)).toBe(want);
  });

  it('outdated: same compass and version, but the statement or party count changed', () => {
    const longer = compassOf(['s1', 's2', 's3', 's4'], ['a', 'b', 'c']);
    expect(problem(encodeShare(longer, { answers: { s4: { answer: 1 } } }))).toBe('outdated');
    const moreParties = compassOf(['s1', 's2', 's3'], ['a', 'b', 'c', 'd']);
    expect(problem(encodeShare(moreParties, voter))).toBe('outdated');
    expect(problem(encodeShare(compass, voter), moreParties)).toBe('outdated');
  });

  it('corrupt: values that cannot be, each with a correct checksum', () => {
    const d = (bytes: number[]) => problem(craft(compass, bytes));
    expect(d([0x03, 0xd2, 0x00, 0x03, 0x00])).toBe('ok'); // the worked example, as a control
    expect(d([0x03, 0x62, 0x00, 0x03, 0x00])).toBe('corrupt'); // answer code 6
    expect(d([0x03, 0x72, 0x00, 0x03, 0x00])).toBe('corrupt'); // answer code 7
    expect(d([0x03, 0x82, 0x00, 0x03, 0x00])).toBe('corrupt'); // important but unanswered
    expect(d([0x03, 0xd2, 0x01, 0x03, 0x00])).toBe('corrupt'); // padding nibble set
    expect(d([0x03, 0xd2, 0x00, 0x03, 0x02])).toBe('corrupt'); // unknown filter flag
    expect(d([0x03, 0xd2, 0x00, 0x03, 0x00, 0x00])).toBe('corrupt'); // trailing byte
    expect(d([0x03, 0xd2, 0x00, 0x03, 0x01, 0x00])).toBe('corrupt'); // empty filter
    expect(d([0x03, 0xd2, 0x00, 0x03, 0x01, 0x09])).toBe('corrupt'); // party bit 3 of 3
    expect(d([0x03, 0xd2, 0x00, 0x03, 0x01, 0x07])).toBe('ok'); // all three parties
  });

  it('outdated wins over impossible values once the checksum holds', () => {
    expect(problem(craft(compass, [0x02, 0xd2, 0x03, 0x00]))).toBe('outdated');
    expect(problem(craft(compass, [0x03, 0xd2, 0x00, 0x02, 0x00]))).toBe('outdated');
  });

  it('never throws on odd input, whatever the compass', () => {
    const odd = [
      '%',
      '#%',
      '\uD800',
      '1.test.\uD800.AAAA',
      '1.test.%F0%9F.AAAA',
      '1.test.2026~1.\u0000',
      '9'.repeat(MAX_SHARE_LENGTH + 1),
      '.'.repeat(MAX_SHARE_LENGTH),
      '%25'.repeat(600),
    ];
    const weird = [compass, compassOf([], []), compassOf(['s'], ['a'], { version: '\uDC00' })];
    for (const c of weird)
      for (const fragment of odd) {
        const result = decodeShare(c, fragment);
        expect(result.ok).toBe(false);
      }
    expect(decodeShare(compass, undefined as unknown as string)).toEqual({
      ok: false,
      problem: 'malformed',
    });
  });
});
