/**
 * One (party, answered statement) cell of a tally as a single packed integer, so that the hot
 * loops over parties × statements allocate nothing. The layout is defined here and only here;
 * everything else packs and reads terms through these functions.
 *
 * | bits  | field      | value                                                       | max |
 * | ----- | ---------- | ----------------------------------------------------------- | --- |
 * | 0–6   | points     | w·16e: the cell's share of S's numerator, in units of 1/16 | 32  |
 * | 7–10  | covered    | w·4c: K's numerator, in quarters                           | 8   |
 * | 11–16 | agreed     | w·4c·4a: M's numerator                                      | 32  |
 * | 17    | stated     | 1 when the party states a position                          | 1   |
 * | 18–20 | wahlOMat   | w · Wahl-O-Mat points (2 same side, 1 one step, 0 opposite; | 4   |
 * |       |            | silence counts as neutral)                                  |     |
 *
 * With a = 1 − |v − p| / 2 and e = c·a + (1 − c)·½ (docs/method.md): 16e = 4c·4a + 2·(4 − 4c).
 */

const POINTS = { shift: 0, mask: 0x7f } as const;
const COVERED = { shift: 7, mask: 0xf } as const;
const AGREED = { shift: 11, mask: 0x3f } as const;
const STATED = { shift: 17, mask: 0x1 } as const;
const WAHL_O_MAT = { shift: 18, mask: 0x7 } as const;

/** w·16e of a packed term: its share of S's numerator, in units of 1/16. 0..32. */
export const termPoints = (term: number): number => (term >> POINTS.shift) & POINTS.mask;
/** w·4c of a packed term: its share of K's numerator, in quarters. 0..8. */
export const termCovered = (term: number): number => (term >> COVERED.shift) & COVERED.mask;
/** w·4c·4a of a packed term: its share of M's numerator. 0..32. */
export const termAgreed = (term: number): number => (term >> AGREED.shift) & AGREED.mask;
/** 1 when the party states a position on the statement, else 0. */
export const termStated = (term: number): number => (term >> STATED.shift) & STATED.mask;
/** w · Wahl-O-Mat points of a packed term. 0..4. */
export const termWahlOMat = (term: number): number => (term >> WAHL_O_MAT.shift) & WAHL_O_MAT.mask;

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/**
 * Packs the terms of one cell.
 *
 * @param w weight 1 or 2
 * @param v2 answer in half steps −2..2
 * @param p2 position in half steps −2..2, or null when the programme is silent
 * @param c4 confidence in quarters 1..4 (ignored when silent)
 */
export function packTerm(w: number, v2: number, p2: number | null, c4: number): number {
  if (p2 === null)
    return ((w * 8) << POINTS.shift) | ((w * (v2 === 0 ? 2 : 1)) << WAHL_O_MAT.shift);
  const a4 = 4 - Math.abs(v2 - p2);
  return (
    ((w * (c4 * a4 + 2 * (4 - c4))) << POINTS.shift) |
    ((w * c4) << COVERED.shift) |
    ((w * c4 * a4) << AGREED.shift) |
    (1 << STATED.shift) |
    ((w * (2 - Math.abs(sign(v2) - sign(p2)))) << WAHL_O_MAT.shift)
  );
}
