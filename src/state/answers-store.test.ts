// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { storedAnswersText } from './answers-storage.ts';
import {
  type AnswersData,
  readAnswersData,
  STORAGE_KEY,
  STORAGE_VERSION,
  useAnswers,
  voterOf,
} from './answers-store.ts';

const reset = () => useAnswers.setState(useAnswers.getInitialState(), true);
const state = () => useAnswers.getState();
const stored = (): { state: AnswersData; version: number } | null => {
  const raw = localStorage.getItem(STORAGE_KEY);
  return raw === null ? null : (JSON.parse(raw) as { state: AnswersData; version: number });
};

beforeEach(() => {
  localStorage.clear();
  reset();
});

describe('answer, skip and importance', () => {
  it('stores an answer on the scale without importance', () => {
    state().answer('s1', 0.5);
    expect(state().answers).toEqual({ s1: { answer: 0.5 } });
  });

  it('marks only answered statements as important', () => {
    state().setImportant('s1', true);
    expect(state().answers).toEqual({});
    state().answer('s1', 'skip');
    state().setImportant('s1', true);
    expect(state().answers).toEqual({ s1: { answer: 'skip' } });
    state().answer('s2', -1);
    state().setImportant('s2', true);
    expect(state().answers.s2).toEqual({ answer: -1, important: true });
  });

  it('keeps importance when the answer changes, and drops it on skip', () => {
    state().answer('s1', 1);
    state().setImportant('s1', true);
    state().answer('s1', -0.5);
    expect(state().answers.s1).toEqual({ answer: -0.5, important: true });
    state().answer('s1', 'skip');
    expect(state().answers.s1).toEqual({ answer: 'skip' });
    state().answer('s1', 0);
    expect(state().answers.s1).toEqual({ answer: 0 });
  });

  it('unmarking importance leaves the answer and no important flag', () => {
    state().answer('s1', 0);
    state().setImportant('s1', true);
    state().setImportant('s1', false);
    expect(state().answers.s1).toEqual({ answer: 0 });
  });
});

describe('setParties', () => {
  it('stores a filter, and an empty list or null means all parties', () => {
    state().setParties(['a']);
    expect(state().parties).toEqual(['a']);
    state().setParties([]);
    expect(state().parties).toBeNull();
    state().setParties(['b']);
    state().setParties(null);
    expect(state().parties).toBeNull();
  });

  it('copies the list it is given', () => {
    const list = ['a', 'b'];
    state().setParties(list);
    list.push('c');
    expect(state().parties).toEqual(['a', 'b']);
  });
});

describe('bindCompass', () => {
  it('does not mark anything outdated on the first bind', () => {
    state().bindCompass('demo', '1.0.0');
    expect(state()).toMatchObject({ compassId: 'demo', compassVersion: '1.0.0', outdated: false });
  });

  it('keeps the answers when bound again to the same version', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().bindCompass('demo', '1.0.0');
    expect(state().answers).toEqual({ s1: { answer: 1 } });
    expect(state().outdated).toBe(false);
  });

  it('discards answers of another version of the same compass and says so', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().setParties(['a']);
    state().bindCompass('demo', '2.0.0');
    expect(state()).toMatchObject({
      compassId: 'demo',
      compassVersion: '2.0.0',
      answers: {},
      parties: null,
      outdated: true,
    });
    state().dismissOutdated();
    expect(state().outdated).toBe(false);
  });

  it('does not say "outdated" for a new version when nothing was answered', () => {
    state().bindCompass('demo', '1.0.0');
    state().bindCompass('demo', '2.0.0');
    expect(state().outdated).toBe(false);
  });

  it('starts afresh, without the outdated notice, for another compass', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().bindCompass('other', '1.0.0');
    expect(state()).toMatchObject({ compassId: 'other', answers: {}, outdated: false });
  });

  it('keeps each compass’s answers: back on the first compass, its answers are there again', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().setParties(['a']);
    state().bindCompass('other', '1.0.0');
    state().answer('x1', -1);
    expect(stored()?.state).toMatchObject({
      compassId: 'other',
      answers: { x1: { answer: -1 } },
      others: { demo: { version: '1.0.0', answers: { s1: { answer: 1 } }, parties: ['a'] } },
    });
    state().bindCompass('demo', '1.0.0');
    expect(state()).toMatchObject({
      compassId: 'demo',
      answers: { s1: { answer: 1 } },
      parties: ['a'],
      outdated: false,
      others: { other: { version: '1.0.0', answers: { x1: { answer: -1 } }, parties: null } },
    });
  });

  it('puts a kept compass’s answers aside, with the notice, when its version has changed', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().bindCompass('other', '1.0.0');
    state().bindCompass('demo', '2.0.0');
    expect(state()).toMatchObject({ compassId: 'demo', answers: {}, outdated: true });
    expect(state().others).not.toHaveProperty('demo');
  });

  it('clear() forgets the answers to every compass', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().bindCompass('other', '1.0.0');
    state().clear();
    state().bindCompass('demo', '1.0.0');
    expect(state()).toMatchObject({ answers: {}, others: {} });
  });
});

describe('replace and voterOf', () => {
  it('replaces every answer and the filter, dropping undefined entries', () => {
    state().answer('old', 1);
    state().replace({
      answers: { s1: { answer: 0.5, important: true }, s2: undefined },
      parties: ['b'],
    });
    expect(state().answers).toEqual({ s1: { answer: 0.5, important: true } });
    expect(state().parties).toEqual(['b']);
    expect(voterOf(state())).toEqual({ answers: state().answers, parties: ['b'] });
    state().replace({ answers: {} });
    expect(state().parties).toBeNull();
    expect(voterOf(state())).toEqual({ answers: {} });
  });
});

describe('persistence', () => {
  it('writes the data, and only the data, under valkompass:answers', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', -1);
    state().setImportant('s1', true);
    state().setParties(['a']);
    expect(stored()).toEqual({
      version: STORAGE_VERSION,
      state: {
        compassId: 'demo',
        compassVersion: '1.0.0',
        answers: { s1: { answer: -1, important: true } },
        parties: ['a'],
        outdated: false,
        others: {},
      },
    });
  });

  it('clear() forgets the answers and removes the stored key', () => {
    state().bindCompass('demo', '1.0.0');
    state().answer('s1', 1);
    state().setParties(['a']);
    expect(localStorage.getItem(STORAGE_KEY)).not.toBeNull();
    state().clear();
    expect(state()).toMatchObject({ answers: {}, parties: null, outdated: false });
    expect(localStorage.getItem(STORAGE_KEY)).toBeNull();
  });

  it('reads stored answers back on rehydration', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: STORAGE_VERSION,
        state: {
          compassId: 'demo',
          compassVersion: '1.0.0',
          answers: { s1: { answer: 0.5 } },
          parties: null,
          outdated: false,
        },
      }),
    );
    await useAnswers.persist.rehydrate();
    expect(state()).toMatchObject({ compassId: 'demo', answers: { s1: { answer: 0.5 } } });
  });

  it('reads back what storedAnswersText writes (how end-to-end tests seed a browser)', async () => {
    localStorage.setItem(
      STORAGE_KEY,
      storedAnswersText({
        compassId: 'demo',
        compassVersion: '1.0.0',
        answers: { s1: { answer: -1, important: true }, s2: { answer: 'skip' } },
        parties: ['a'],
        outdated: false,
        others: {},
      }),
    );
    await useAnswers.persist.rehydrate();
    expect(state()).toMatchObject({
      compassId: 'demo',
      compassVersion: '1.0.0',
      answers: { s1: { answer: -1, important: true }, s2: { answer: 'skip' } },
      parties: ['a'],
    });
  });

  it('rehydrates garbage in storage to valid, empty data', async () => {
    for (const raw of [
      'not json',
      '42',
      'null',
      '{"state": 7, "version": 1}',
      '{"state": {"answers": [1, 2], "parties": "a"}, "version": 1}',
      '{"state": {"answers": {"s1": {"answer": 9}}}, "version": 0}',
    ]) {
      localStorage.setItem(STORAGE_KEY, raw);
      reset();
      await useAnswers.persist.rehydrate();
      expect(state().answers, raw).toEqual({});
      expect(state().parties, raw).toBeNull();
      expect(typeof state().answer).toBe('function');
    }
  });
});

describe('readAnswersData', () => {
  const empty: AnswersData = {
    compassId: null,
    compassVersion: null,
    answers: {},
    parties: null,
    outdated: false,
    others: {},
  };

  it('reads non-objects as nothing stored', () => {
    for (const value of [null, undefined, 0, 42, NaN, 'text', true, Symbol('x')])
      expect(readAnswersData(value)).toEqual(empty);
  });

  it('reads objects of the wrong shape as nothing stored', () => {
    expect(readAnswersData({})).toEqual(empty);
    expect(
      readAnswersData({ compassId: 5, compassVersion: {}, answers: 'x', parties: 3, outdated: 1 }),
    ).toEqual(empty);
    expect(readAnswersData({ compassId: '', compassVersion: 'x'.repeat(200) })).toEqual(empty);
  });

  it('keeps valid answers and drops answers off the scale', () => {
    const data = readAnswersData({
      compassId: 'demo',
      compassVersion: '1.0.0',
      answers: {
        ok: { answer: 0.5, important: true },
        skip: { answer: 'skip', important: true },
        neutral: { answer: 0, important: 'yes' },
        off: { answer: 2 },
        between: { answer: 0.25 },
        text: { answer: '1' },
        nan: { answer: NaN },
        none: {},
        nul: null,
        num: 1,
      },
      parties: null,
      outdated: true,
    });
    expect(data).toEqual({
      compassId: 'demo',
      compassVersion: '1.0.0',
      answers: {
        ok: { answer: 0.5, important: true },
        skip: { answer: 'skip' },
        neutral: { answer: 0 },
      },
      parties: null,
      outdated: true,
      others: {},
    });
  });

  it('reads the data of version 1 (one compass, no kept answers) as it was', () => {
    const v1 = { compassId: 'demo', compassVersion: '1.0.0', answers: { s1: { answer: 1 } } };
    expect(readAnswersData(v1)).toMatchObject({ ...v1, others: {} });
  });

  it('keeps other compasses’ answers only where they are readable', () => {
    const data = readAnswersData({
      others: {
        a: {
          version: '1.0.0',
          answers: { s1: { answer: -0.5 }, bad: { answer: 3 } },
          parties: ['x'],
        },
        b: { answers: { s1: { answer: 1 } } },
        c: 'text',
      },
    });
    expect(data.others).toEqual({
      a: { version: '1.0.0', answers: { s1: { answer: -0.5 } }, parties: ['x'] },
    });
  });

  it('keeps a party filter only when it is a non-empty list of strings', () => {
    expect(readAnswersData({ parties: ['a', 'b'] }).parties).toEqual(['a', 'b']);
    expect(readAnswersData({ parties: [] }).parties).toBeNull();
    expect(readAnswersData({ parties: ['a', 2] }).parties).toBeNull();
    expect(readAnswersData({ parties: [null] }).parties).toBeNull();
    expect(readAnswersData({ parties: { 0: 'a' } }).parties).toBeNull();
  });

  it('reads outdated only when it is exactly true', () => {
    expect(readAnswersData({ outdated: 'true' }).outdated).toBe(false);
    expect(readAnswersData({ outdated: 1 }).outdated).toBe(false);
    expect(readAnswersData({ outdated: true }).outdated).toBe(true);
  });
});
