import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cellAgreement,
  type CodedCell,
  codingAgreement,
  cohensKappa,
  directionOf,
} from './agreement.ts';

type Cell = CodedCell<{ position: number | null; note?: string }>;
const cell = (statement: string, party: string, position: number | null): Cell => ({
  statement,
  party,
  coding: { position },
});

describe("Cohen's kappa", () => {
  it('is 1 for perfect agreement, also with a single category present', () => {
    expect(cohensKappa([['a', 'a']])).toBe(1);
    expect(
      cohensKappa([
        ['x', 'x'],
        ['x', 'x'],
      ]),
    ).toBe(1);
    expect(
      cohensKappa([
        ['a', 'a'],
        ['b', 'b'],
      ]),
    ).toBe(1);
  });

  it('matches a textbook example', () => {
    // 50 items: both yes 20, both no 15, A yes / B no 5, A no / B yes 10 → p_o 0.7, p_e 0.5, κ 0.4.
    const pairs: [string, string][] = [
      ...Array<[string, string]>(20).fill(['y', 'y']),
      ...Array<[string, string]>(15).fill(['n', 'n']),
      ...Array<[string, string]>(5).fill(['y', 'n']),
      ...Array<[string, string]>(10).fill(['n', 'y']),
    ];
    expect(cohensKappa(pairs)).toBeCloseTo(0.4, 10);
  });

  it('is NaN with no items', () => {
    expect(cohensKappa([])).toBeNaN();
  });

  const pairs = fc.array(
    fc.tuple(fc.constantFrom('a', 'b', 'c', 'd'), fc.constantFrom('a', 'b', 'c', 'd')),
    { minLength: 1, maxLength: 40 },
  );

  it('is never NaN for at least one item, at most 1, and 1 exactly when all agree', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const k = cohensKappa(ps);
        expect(Number.isNaN(k)).toBe(false);
        expect(k).toBeLessThanOrEqual(1 + 1e-12);
        expect(Math.abs(k - 1) < 1e-12).toBe(ps.every(([x, y]) => x === y));
      }),
    );
  });

  it('does not depend on which rater is first, nor on the order of items', () => {
    fc.assert(
      fc.property(pairs, (ps) => {
        const swapped = ps.map(([x, y]) => [y, x] as [string, string]);
        expect(cohensKappa(swapped)).toBeCloseTo(cohensKappa(ps), 10);
        expect(cohensKappa([...ps].reverse())).toBeCloseTo(cohensKappa(ps), 10);
      }),
    );
  });
});

describe('codingAgreement (the bank tool)', () => {
  it('counts positions, the stated call and the full coding', () => {
    const a = [
      {
        id: 's1',
        stances: { x: { position: 1, confidence: 1 }, y: { position: null, confidence: 0 } },
      },
    ];
    const b = [
      {
        id: 's1',
        stances: { x: { position: 1, confidence: 0.75 }, y: { position: 0.5, confidence: 0.5 } },
      },
    ];
    const result = codingAgreement(a, b);
    expect(result).toMatchObject({ cells: 2, samePosition: 1, sameStated: 1, sameCoding: 0 });
    expect(result.disagreements).toEqual(['s1 / y: A null (c 0) vs B 0.5 (c 0.5)']);
  });

  it('throws when the second coding lacks a statement or a stance', () => {
    const a = [{ id: 's1', stances: { x: { position: 1, confidence: 1 } } }];
    expect(() => codingAgreement(a, [])).toThrow(/no statement "s1"/);
    expect(() => codingAgreement(a, [{ id: 's1', stances: {} }])).toThrow(/no stance for "x"/);
  });
});

describe('cellAgreement (the workbench)', () => {
  it('reads the direction from the sign, silence apart from 0', () => {
    expect([1, 0.5, 0, -0.5, -1, null].map(directionOf)).toEqual([
      'for',
      'for',
      'neutral',
      'against',
      'against',
      'silent',
    ]);
  });

  it('compares direction and exact position and lists disagreements side by side', () => {
    const a = [
      cell('s1', 'x', 1),
      cell('s1', 'y', null),
      cell('s2', 'x', -0.5),
      cell('s3', 'x', 1),
    ];
    const b = [
      cell('s1', 'x', 0.5),
      cell('s1', 'y', null),
      cell('s2', 'x', 0.5),
      cell('s4', 'y', 1),
    ];
    const result = cellAgreement(a, b);
    expect(result.cells).toBe(3);
    expect(result.onlyA).toBe(1);
    expect(result.onlyB).toBe(1);
    expect(result.direction.same).toBe(2);
    expect(result.direction.percent).toBeCloseTo(200 / 3, 10);
    expect(result.position.same).toBe(1);
    expect(result.disagreements).toEqual([
      {
        statement: 's1',
        party: 'x',
        a: { position: 1 },
        b: { position: 0.5 },
        sameDirection: true,
      },
      {
        statement: 's2',
        party: 'x',
        a: { position: -0.5 },
        b: { position: 0.5 },
        sameDirection: false,
      },
    ]);
  });

  it('gives κ = 1, not NaN, when everyone agrees on one value, and null with nothing to compare', () => {
    const a = [cell('s1', 'x', null), cell('s2', 'x', null)];
    expect(cellAgreement(a, a).position).toEqual({ same: 2, percent: 100, kappa: 1 });
    expect(cellAgreement(a, a).direction.kappa).toBe(1);
    const none = cellAgreement(a, [cell('s9', 'x', 1)]);
    expect(none).toMatchObject({ cells: 0, onlyA: 2, onlyB: 1 });
    expect(none.position).toEqual({ same: 0, percent: null, kappa: null });
  });

  const position = fc.constantFrom(-1, -0.5, 0, 0.5, 1, null);
  const cells = fc.array(
    fc.record({
      statement: fc.constantFrom('s1', 's2', 's3', 's4'),
      party: fc.constantFrom('a', 'b', 'c'),
      coding: fc.record({ position }),
    }),
    { maxLength: 30 },
  );

  it('counts each cell once, either as compared or as coded by one coder only', () => {
    fc.assert(
      fc.property(cells, cells, (a, b) => {
        const result = cellAgreement(a, b);
        const key = (c: Cell) => `${c.statement}/${c.party}`;
        const union = new Set([...a.map(key), ...b.map(key)]);
        expect(result.cells + result.onlyA + result.onlyB).toBe(union.size);
        expect(result.position.same + result.disagreements.length).toBe(result.cells);
      }),
    );
  });

  it('agrees on direction at least as often as on exact position, symmetric in the coders', () => {
    fc.assert(
      fc.property(cells, cells, (a, b) => {
        const ab = cellAgreement(a, b);
        const ba = cellAgreement(b, a);
        expect(ab.direction.same).toBeGreaterThanOrEqual(ab.position.same);
        expect(ba.cells).toBe(ab.cells);
        expect(ba.position.same).toBe(ab.position.same);
        if (ab.position.kappa !== null) {
          expect(Number.isNaN(ab.position.kappa)).toBe(false);
          expect(ba.position.kappa).toBeCloseTo(ab.position.kappa, 10);
        }
      }),
    );
  });
});
