/**
 * Agreement between two independent coders, before reconciliation: Cohen's κ, the bank tool's
 * summary (`npm run bank:agreement`) and the workbench's per-cell comparison on direction and
 * exact position. Pure: the browser, the service and the tools run the same figures.
 */

export type Category = string;

/**
 * Cohen's kappa for two raters over the same items: (p_o − p_e) / (1 − p_e), where p_o is the
 * observed agreement and p_e the agreement expected by chance from each rater's marginals.
 *
 * Conventions: κ = 1 when both raters put every item in one and the same category (p_e = 1, so the
 * formula would be 0/0; observed agreement is then 1, and κ = 1 whenever p_o = 1). NaN for no items
 * at all (nothing to measure); `cellAgreement` reports that case as null instead.
 */
export function cohensKappa(pairs: readonly (readonly [Category, Category])[]): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const count = (i: 0 | 1) => {
    const m = new Map<Category, number>();
    for (const pair of pairs) m.set(pair[i], (m.get(pair[i]) ?? 0) + 1);
    return m;
  };
  const left = count(0);
  const right = count(1);
  let expected = 0;
  for (const [category, k] of left) expected += (k / n) * ((right.get(category) ?? 0) / n);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}

interface CodedStance {
  readonly position: number | null;
  readonly confidence: number;
}
/** One coder's file: statements in order, each with a stance per party. */
export type Coding = readonly {
  readonly id: string;
  readonly stances: Readonly<Record<string, CodedStance>>;
}[];

export interface Agreement {
  readonly cells: number;
  /** Cells where both coders chose the same position (silence counting as a category). */
  readonly samePosition: number;
  /** Cohen's kappa over the six position categories. */
  readonly kappa: number;
  /** Cells where both made the same stated/silent call, and its kappa. */
  readonly sameStated: number;
  readonly kappaStated: number;
  /** Cells with the same position and the same confidence. */
  readonly sameCoding: number;
  readonly disagreements: readonly string[];
}

/**
 * Agreement between two independent codings of the same statements (before reconciliation), as
 * the bank's coding files hold them. Throws when the second coding lacks a statement or a stance.
 */
export function codingAgreement(a: Coding, b: Coding): Agreement {
  const positions: [Category, Category][] = [];
  const stated: [Category, Category][] = [];
  const disagreements: string[] = [];
  let sameCoding = 0;
  for (const statement of a) {
    const other = b.find((s) => s.id === statement.id);
    if (!other) throw new Error(`the second coding has no statement "${statement.id}"`);
    for (const [party, stance] of Object.entries(statement.stances)) {
      const theirs = other.stances[party];
      if (!theirs)
        throw new Error(`the second coding has no stance for "${party}" on "${statement.id}"`);
      const x = String(stance.position);
      const y = String(theirs.position);
      positions.push([x, y]);
      stated.push([
        stance.position === null ? 'silent' : 'stated',
        theirs.position === null ? 'silent' : 'stated',
      ]);
      if (x === y && stance.confidence === theirs.confidence) sameCoding++;
      if (x !== y)
        disagreements.push(
          `${statement.id} / ${party}: A ${x} (c ${stance.confidence}) vs B ${y} (c ${theirs.confidence})`,
        );
    }
  }
  const same = (pairs: [Category, Category][]) => pairs.filter(([x, y]) => x === y).length;
  return {
    cells: positions.length,
    samePosition: same(positions),
    kappa: cohensKappa(positions),
    sameStated: same(stated),
    kappaStated: cohensKappa(stated),
    sameCoding,
    disagreements,
  };
}

/** The sign of a position: what a voter would read as for, against, neither, or not said. */
export type Direction = 'for' | 'against' | 'neutral' | 'silent';

export function directionOf(position: number | null): Direction {
  if (position === null) return 'silent';
  return position > 0 ? 'for' : position < 0 ? 'against' : 'neutral';
}

/** One coder's coding of one (statement, party) cell; `coding` is whatever the coder recorded. */
export interface CodedCell<C extends { readonly position: number | null }> {
  readonly statement: string;
  readonly party: string;
  readonly coding: C;
}

/** Agreement on one aspect, over the cells both coders coded. */
export interface Measure {
  /** Cells where both chose the same category. */
  readonly same: number;
  /** 0..100; null when no cell was coded by both. */
  readonly percent: number | null;
  /** Cohen's κ; null when no cell was coded by both (1 when both used one and the same category). */
  readonly kappa: number | null;
}

export interface Disagreement<C> {
  readonly statement: string;
  readonly party: string;
  readonly a: C;
  readonly b: C;
  /** Whether they at least agree on the direction (for / against / neutral / silent). */
  readonly sameDirection: boolean;
}

export interface CellAgreement<C> {
  /** Cells coded by both coders: the only ones counted. */
  readonly cells: number;
  /** Cells coded by A only and by B only: not counted. */
  readonly onlyA: number;
  readonly onlyB: number;
  /** The sign: for (> 0), against (< 0), neutral (0), silent (null). */
  readonly direction: Measure;
  /** The exact position, silence counting as its own category. */
  readonly position: Measure;
  /** Every counted cell where the exact positions differ, in A's order, both codings side by side. */
  readonly disagreements: readonly Disagreement<C>[];
}

const cellKey = (statement: string, party: string) => JSON.stringify([statement, party]);

/**
 * Compares two coders' codings of the same (statement, party) cells on direction and on exact
 * position. A cell coded by only one coder is not counted (see `onlyA`, `onlyB`). If a coder lists
 * the same cell twice, the later coding counts.
 */
export function cellAgreement<C extends { readonly position: number | null }>(
  a: readonly CodedCell<C>[],
  b: readonly CodedCell<C>[],
): CellAgreement<C> {
  const byCell = (cells: readonly CodedCell<C>[]) =>
    new Map(cells.map((c) => [cellKey(c.statement, c.party), c] as const));
  const left = byCell(a);
  const right = byCell(b);
  const directions: [Category, Category][] = [];
  const positions: [Category, Category][] = [];
  const disagreements: Disagreement<C>[] = [];
  for (const [key, mine] of left) {
    const theirs = right.get(key);
    if (!theirs) continue;
    const [x, y] = [mine.coding.position, theirs.coding.position];
    const direction: [Category, Category] = [directionOf(x), directionOf(y)];
    directions.push(direction);
    positions.push([String(x), String(y)]);
    if (String(x) !== String(y))
      disagreements.push({
        statement: mine.statement,
        party: mine.party,
        a: mine.coding,
        b: theirs.coding,
        sameDirection: direction[0] === direction[1],
      });
  }
  const cells = positions.length;
  const measure = (pairs: [Category, Category][]): Measure => {
    const same = pairs.filter(([x, y]) => x === y).length;
    return cells === 0
      ? { same, percent: null, kappa: null }
      : { same, percent: (100 * same) / cells, kappa: cohensKappa(pairs) };
  };
  return {
    cells,
    onlyA: left.size - cells,
    onlyB: [...right.keys()].filter((k) => !left.has(k)).length,
    direction: measure(directions),
    position: measure(positions),
    disagreements,
  };
}
