import { describe, expect, it } from 'vitest';
import { buildCompass } from '../../test/compass-builder.ts';
import type { Position, Stance } from '../bank/types.ts';
import { ScoringError } from '../scoring/index.ts';
import {
  CLASSROOM_ERROR_CODES,
  ClassroomError,
  type ClassroomErrorCode,
} from './classroom-error.ts';
import { addCounters, emptyCounters, type RoundCounters, submissionDelta } from './counters.ts';

const stance = (position: Position | null): Stance => ({
  position,
  confidence: position === null ? 0 : 1,
  quotes: position === null ? [] : ['citat'],
  rationale: '',
});

// Ids chosen to trip plain-object look-ups: `constructor` is on Object.prototype, and `12`
// is an integer key, which objects list first.
const compass = buildCompass({
  parties: [{ id: 'p' }, { id: 'q' }],
  statements: ['s1', 'constructor', '12', 's4'].map((id, j) => ({
    id,
    stances: { p: stance(1), q: stance(j % 2 === 0 ? -1 : 1) },
  })),
});

const zero = { '-1': 0, '-0.5': 0, '0': 0, '0.5': 0, '1': 0, skip: 0, important: 0 };

describe('emptyCounters', () => {
  it('holds every statement and party at zero', () => {
    expect(emptyCounters(compass)).toEqual({
      submissions: 0,
      statements: { s1: zero, constructor: zero, '12': zero, s4: zero },
      parties: {
        p: { percentSum: 0, scored: 0, first: 0 },
        q: { percentSum: 0, scored: 0, first: 0 },
      },
    });
  });
});

describe('submissionDelta', () => {
  it('counts a statement left out as a skip, even one named like an Object property', () => {
    const delta = submissionDelta(compass, {
      answers: { s1: { answer: 1, important: true }, '12': { answer: -0.5 } },
    });
    expect(delta.submissions).toBe(1);
    expect(delta.statements).toEqual({
      s1: { ...zero, '1': 1, important: 1 },
      constructor: { ...zero, skip: 1 },
      '12': { ...zero, '-0.5': 1 },
      s4: { ...zero, skip: 1 },
    });
    // Two answers, s1 (w 2) and 12 (w 1). p stands at 1 on both: (2·1 + 1·¼) / 3 = 75 %.
    // q stands at −1 on both: (2·0 + 1·¾) / 3 = 25 %. Neither has 3 stated: nobody first.
    expect(delta.parties).toEqual({
      p: { percentSum: 75, scored: 1, first: 0 },
      q: { percentSum: 25, scored: 1, first: 0 },
    });
  });

  it('counts the parties of the top set as first, shared firsts for each', () => {
    const answers = Object.fromEntries(compass.statements.map((s) => [s.id, { answer: 0 }]));
    const delta = submissionDelta(compass, { answers });
    expect(delta.parties).toEqual({
      p: { percentSum: 50, scored: 1, first: 1 },
      q: { percentSum: 50, scored: 1, first: 1 },
    });
    const leaning = submissionDelta(compass, { answers: { ...answers, s1: { answer: 1 } } });
    expect([leaning.parties.p!.first, leaning.parties.q!.first]).toEqual([1, 0]);
  });

  it('counts a pupil who answered nothing as a submission without a result', () => {
    const delta = submissionDelta(compass, {
      answers: { s1: { answer: 'skip', important: true } },
    });
    expect(delta).toEqual({
      submissions: 1,
      statements: {
        s1: { ...zero, skip: 1 },
        constructor: { ...zero, skip: 1 },
        '12': { ...zero, skip: 1 },
        s4: { ...zero, skip: 1 },
      },
      parties: {
        p: { percentSum: 0, scored: 0, first: 0 },
        q: { percentSum: 0, scored: 0, first: 0 },
      },
    });
  });

  const refused: [ClassroomErrorCode, unknown][] = [
    ['invalid-voter', null],
    ['invalid-voter', 'answers'],
    ['invalid-voter', { answers: [] }],
    ['invalid-voter', { answers: {}, percent: { p: 100 } }],
    ['invalid-answer', { answers: { s1: { answer: 2 } } }],
    ['invalid-answer', { answers: { s1: { answer: 1, percent: 100 } } }],
    ['invalid-answer', { answers: { s1: { answer: 1, important: 'yes' } } }],
    ['unknown-statement', { answers: { s9: { answer: 1 } } }],
    ['unknown-statement', JSON.parse('{ "answers": { "__proto__": { "answer": 1 } } }')],
    ['party-filter', { answers: {}, parties: ['p', 'q'] }],
    ['party-filter', { answers: {}, parties: [] }],
  ];

  it.each(refused)('refuses with %s: %j', (code, submission) => {
    let thrown: unknown;
    try {
      submissionDelta(compass, submission);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ClassroomError);
    expect(thrown).toMatchObject({ name: 'ClassroomError', code });
  });

  it('has a case above for every error code', () => {
    expect(new Set(refused.map(([code]) => code))).toEqual(new Set(CLASSROOM_ERROR_CODES));
  });

  it('lets a broken compass through as the engine error it is (a server fault)', () => {
    const broken = buildCompass({ parties: [{ id: 'p' }], statements: [{ id: 's1' }] });
    expect(() => submissionDelta(broken, { answers: {} })).toThrow(ScoringError);
    expect(() => submissionDelta(broken, { answers: {} })).not.toThrow(ClassroomError);
  });
});

describe('addCounters', () => {
  const one = submissionDelta(compass, { answers: { s1: { answer: 1 } } });
  const two = submissionDelta(compass, { answers: { s1: { answer: -1 }, s4: { answer: 0 } } });

  it('adds every count', () => {
    const sum = addCounters(one, two);
    expect(sum.submissions).toBe(2);
    expect(sum.statements.s1).toEqual({ ...zero, '-1': 1, '1': 1 });
    expect(sum.statements.s4).toEqual({ ...zero, '0': 1, skip: 1 });
    expect(sum.statements.constructor).toEqual({ ...zero, skip: 2 });
    expect(sum.parties.p).toEqual({
      percentSum: one.parties.p!.percentSum + two.parties.p!.percentSum,
      scored: 2,
      first: 0,
    });
  });

  it('counts an id missing on one side as zero, never as an Object property', () => {
    const a: RoundCounters = {
      submissions: 1,
      statements: { constructor: { ...zero, skip: 1 } },
      parties: {},
    };
    const b: RoundCounters = {
      submissions: 1,
      statements: { s1: { ...zero, '1': 1 } },
      parties: {},
    };
    expect(addCounters(a, b)).toEqual({
      submissions: 2,
      statements: { constructor: { ...zero, skip: 1 }, s1: { ...zero, '1': 1 } },
      parties: {},
    });
  });

  it('changes neither input and shares no object with them', () => {
    const before = structuredClone([one, two]);
    const sum = addCounters(one, emptyCounters(compass));
    expect([one, two]).toEqual(before);
    expect(sum).toEqual(one);
    expect(sum.statements.s1).not.toBe(one.statements.s1);
    expect(sum.parties.p).not.toBe(one.parties.p);
  });
});
