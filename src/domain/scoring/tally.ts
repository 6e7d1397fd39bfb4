import type { Compass, Statement } from '../bank/types.ts';
import { CONFIDENCES, POSITIONS } from '../bank/types.ts';
import { ScoringError } from './errors.ts';
import { halfSteps, quarters } from './exact.ts';
import type { ScoringOptions, Voter } from './types.ts';

/**
 * The integer terms of every (party, answered statement) pair, in flat arrays (party-major):
 * positions in half steps, confidence in quarters, so every sum below is exact.
 */
export interface Tally {
  readonly parties: readonly string[];
  readonly statements: readonly Statement[];
  /** w per answered statement (1 or 2). */
  readonly weights: Int32Array;
  /** w · 16e, e = c·a + (1 − c)·½: the statement's term of S (denominator 16·W). */
  readonly points: Int32Array;
  /** w · 4c: the term of K (denominator 4·W). */
  readonly covered: Int32Array;
  /** w · 4c · 4a: the term of M's numerator (denominator 4 · Σ w·4c). */
  readonly agreed: Int32Array;
  /** 1 where the party states a position. */
  readonly stated: Uint8Array;
  /** w · Wahl-O-Mat points (2 same side, 1 one step, 0 opposite; silence counts as neutral). */
  readonly wahlOMat: Int32Array;
}

const sign = (x: number): number => (x > 0 ? 1 : x < 0 ? -1 : 0);

/** Checks the voter against the compass and builds the tally; throws ScoringError on bad input. */
export function tally(compass: Compass, voter: Voter, options: ScoringOptions = {}): Tally {
  const known = new Set(compass.statements.map((s) => s.id));
  for (const [id, given] of Object.entries(voter.answers)) {
    if (!known.has(id))
      throw new ScoringError('unknown-statement', `unknown statement "${id}" in the answers`);
    if (given === undefined) continue;
    if (given.answer !== 'skip' && !POSITIONS.includes(given.answer))
      throw new ScoringError(
        'invalid-answer',
        `answer to "${id}" is ${JSON.stringify(given.answer)}; use 1, 0.5, 0, -0.5, -1 or "skip"`,
      );
    if (given.important !== undefined && typeof given.important !== 'boolean')
      throw new ScoringError('invalid-answer', `"important" for "${id}" must be true or false`);
  }
  const allParties = compass.parties.map((p) => p.id);
  const parties = voter.parties ?? allParties;
  const seen = new Set<string>();
  for (const id of parties) {
    if (!allParties.includes(id))
      throw new ScoringError('unknown-party', `unknown party "${id}" in the party filter`);
    if (seen.has(id))
      throw new ScoringError('unknown-party', `party "${id}" is listed twice in the party filter`);
    seen.add(id);
  }

  const statements = compass.statements.filter((s) => {
    const given = voter.answers[s.id];
    return given !== undefined && given.answer !== 'skip';
  });
  const n = statements.length;
  const size = parties.length * n;
  const weights = new Int32Array(n);
  const points = new Int32Array(size);
  const covered = new Int32Array(size);
  const agreed = new Int32Array(size);
  const stated = new Uint8Array(size);
  const wahlOMat = new Int32Array(size);
  const implied = options.impliedConfidence;

  statements.forEach((s, j) => {
    const given = voter.answers[s.id]!;
    const w = given.important ? 2 : 1;
    weights[j] = w;
    const v2 = halfSteps(given.answer as number);
    const v3 = sign(v2);
    parties.forEach((party, i) => {
      const stance = s.stances[party];
      if (stance === undefined)
        throw new ScoringError(
          'invalid-compass',
          `statement "${s.id}" has no stance for party "${party}"`,
        );
      const k = i * n + j;
      // Confidence 0 means the programme does not address it: the same as silence.
      if (stance.position === null || stance.confidence === 0) {
        points[k] = w * 8;
        wahlOMat[k] = w * (v3 === 0 ? 2 : 1);
        return;
      }
      if (!POSITIONS.includes(stance.position) || !CONFIDENCES.includes(stance.confidence))
        throw new ScoringError(
          'invalid-compass',
          `statement "${s.id}": party "${party}" has an invalid position or confidence`,
        );
      const c4 = quarters(
        stance.confidence === 0.5 && implied !== undefined ? implied : stance.confidence,
      );
      const p2 = halfSteps(stance.position);
      const a4 = 4 - Math.abs(v2 - p2);
      points[k] = w * (c4 * a4 + 2 * (4 - c4));
      covered[k] = w * c4;
      agreed[k] = w * c4 * a4;
      stated[k] = 1;
      wahlOMat[k] = w * (2 - Math.abs(v3 - sign(p2)));
    });
  });
  return { parties, statements, weights, points, covered, agreed, stated, wahlOMat };
}
