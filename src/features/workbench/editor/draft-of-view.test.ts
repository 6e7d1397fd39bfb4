import { describe, expect, it } from 'vitest';
import type { CodingJson, DecisionJson } from '../../../domain/workbench/api.ts';
import { draftOfView } from './draft-of-view.ts';

const TEXT = 'Kommunen ska bygga fler skolor. Vi vill sänka skatten i kommunen.';
const coding = (
  coder: string,
  statement: string,
  change: Partial<CodingJson> = {},
): CodingJson => ({
  statement,
  party: 's',
  coder,
  position: 1,
  kind: 'stated',
  confidence: 'explicit',
  quote: { start: 0, end: 31 },
  quoteText: TEXT.slice(0, 31),
  quoteLost: false,
  note: 'Ett löfte.',
  version: 1,
  updated: '',
  ...change,
});
const versioned = <T>(value: T) => ({ version: 1, updated: '', value });

const parts = (codings: CodingJson[], decisions: DecisionJson[] = []) => ({
  meta: null,
  parties: [],
  programmes: [{ party: 's', ...versioned({ text: TEXT, boilerplate: [], sha256: '' }) }],
  statements: ['a', 'b', 'c', 'd'].map((id, order) => ({
    id,
    ...versioned({
      theme: 't',
      direction: 'more' as const,
      text: { sv: id },
      explainer: { sv: id },
      terms: [],
      order,
    }),
  })),
  decisions,
  codings,
  coders: [
    { id: 'x', label: 'X' },
    { id: 'y', label: 'Y' },
  ],
});

describe('draftOfView', () => {
  it('takes a cell the coders agree on, as the service does, and no other', () => {
    const draft = draftOfView(
      parts(
        [
          // a: both agree (one says general, the other quotes another sentence).
          coding('x', 'a'),
          coding('y', 'a', {
            confidence: 'general',
            quote: { start: 32, end: 65 },
            quoteText: TEXT.slice(32, 65),
            note: 'Allmänt.',
          }),
          // b: they differ on the position.
          coding('x', 'b'),
          coding('y', 'b', { position: 0.5 }),
          // c: only one coder has coded it.
          coding('x', 'c'),
          // d: they agree, but the editor decided otherwise.
          coding('x', 'd'),
          coding('y', 'd'),
        ],
        [
          {
            statement: 'd',
            party: 's',
            position: null,
            kind: 'silent',
            quotes: [],
            note: '',
            reason: 'Fel parti.',
            version: 1,
            updated: '',
          },
        ],
      ),
      '2026-01-01',
    );
    expect(draft.codings).toEqual([
      expect.objectContaining({ statement: 'd', position: null, kind: 'silent' }),
      {
        statement: 'a',
        party: 's',
        position: 1,
        kind: 'stated',
        confidence: 'general',
        quotes: [
          { start: 0, end: 31, text: TEXT.slice(0, 31) },
          { start: 32, end: 65, text: TEXT.slice(32, 65) },
        ],
        note: 'Ett löfte.\n\nAllmänt.',
      },
    ]);
  });

  it('takes no cell from the coders when it has no coders', () => {
    const { codings, coders, ...rest } = parts([coding('x', 'a')]);
    void codings;
    void coders;
    expect(draftOfView(rest, '2026-01-01').codings).toEqual([]);
  });
});
