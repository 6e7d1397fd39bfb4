/**
 * Exact arithmetic for the scoring spec. Positions are counted in half steps (−2..2) and
 * confidence in quarters (0..4), so every sum is an integer and no float rounding can creep
 * into a displayed percentage (`Math.round(0.285 * 100)` is 28, not 29).
 */

/** A position −1..1 in half steps → integer −2..2. */
export const halfSteps = (position: number): number => Math.round(position * 2);

/** A confidence 0..1 in quarters → integer 0..4. */
export const quarters = (confidence: number): number => Math.round(confidence * 4);

/**
 * Round-half-up of `100 · numerator / denominator` to a whole percent, exactly.
 * Both arguments are non-negative integers and `denominator > 0`. Returns 0..100 for 0 ≤ n ≤ d.
 */
export function percentHalfUp(numerator: number, denominator: number): number {
  return Math.floor((200 * numerator + denominator) / (2 * denominator));
}
