/**
 * The class profile's agreement with each party: the class as one voter whose answer to each
 * statement is the class's estimated position (a point anywhere on −1..1, not only the five
 * steps of the scale), scored with the formulas of docs/method.md. It is the agreement of the
 * class's profile, not a mean of pupils' percentages: with randomized response the service never
 * has a pupil's answers to score.
 *
 * The engine only takes the five steps, so the per-statement value is computed here, exactly, with
 * the engine's own formulas (a = 1 − |v − p|/2, e = c·a + (1 − c)·½, S = Σ e / W with w = 1);
 * who is ranked comes from the engine itself. Between two steps of the scale, a (and so e) is
 * linear in v, because a party's position is always on a step: the tests check that every value
 * here is the engine's value at the neighbouring steps, interpolated.
 */
import type { Compass, Party } from '../bank/types.ts';
import { type IneligibleReason, scoreVoter } from '../scoring/index.ts';

/**
 * An exact rational: integer numerator (any sign) over a positive integer denominator. The class
 * positions of `estimateStatement` are in lowest terms (for example −1/4); `profileScores` takes
 * any.
 */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

/** One party's agreement with the class profile. */
export interface ProfileParty {
  readonly party: string;
  /**
   * S of the class profile as a whole percent, 0..100: round half up of the exact value, computed
   * from integers (no float rounding reaches it).
   */
  readonly percent: number;
  /** S, 0..1, as a float (for charts; show `percent`). */
  readonly score: number;
  /** Statements the class answered on which the party's programme takes a stand. */
  readonly stated: number;
  /** Ranked by the engine's rule over the statements the class answered. */
  readonly eligible: boolean;
  /** Set exactly when not eligible, as in the engine. */
  readonly reason: IneligibleReason | null;
  /** 1-based, equal percent shares a rank; null when not eligible. */
  readonly rank: number | null;
}

/** The agreement of a class profile with every party, in display order. */
export interface ProfileScores {
  /** Statements the class answered (those with a position). */
  readonly answered: number;
  /**
   * Ranked parties by rank (ties in Swedish alphabetical order of the name, id last), then the
   * unranked ones alphabetically: the engine's display order.
   */
  readonly parties: readonly ProfileParty[];
}

/** Exact arithmetic on bigints: the sum of many fractions outgrows a float's 53 bits. */
const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};
const abs = (a: bigint): bigint => (a < 0n ? -a : a);

/** The digits kept when an exact score becomes a float: below a float's precision, never over. */
const SCALE = 10n ** 15n;

const collator = new Intl.Collator('sv');
const byName = (a: Party, b: Party): number =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The agreement of a class profile with every party of the compass.
 *
 * Per statement j the class answered, with the class position x_j, and per party with position p
 * and confidence c (docs/method.md): a = 1 − |x_j − p| / 2 and e = c·a + (1 − c)·½ (½ when the
 * programme is silent). Every statement weighs 1 ("viktigt för mig" is not sent), so
 * S = Σ e / m over the m statements the class answered. Who is ranked is decided by the engine's
 * rule (at least 3 stated positions among the answered statements and at least a quarter of
 * them), asked of the engine itself; ranks go by whole percent, as in the engine.
 *
 * @param compass the round's compass.
 * @param positions the class position of each statement, −1..1, or null (or absent) when the class
 *   is taken to have skipped it.
 * @returns null when the class answered no statement: no result, never 0 % for everyone.
 * @throws RangeError for a position id that is not in the compass, or a position that is not a
 *   ratio of safe integers within −1..1.
 */
export function profileScores(
  compass: Compass,
  positions: Readonly<Record<string, Ratio | null>>,
): ProfileScores | null {
  const known = new Set(compass.statements.map((s) => s.id));
  for (const id of Object.keys(positions))
    if (!known.has(id)) throw new RangeError(`statement "${id}" is not in the compass`);
  const answered = compass.statements.flatMap((statement) => {
    const position = Object.hasOwn(positions, statement.id) ? positions[statement.id] : null;
    if (position === null || position === undefined) return [];
    const { numerator, denominator } = position;
    if (
      !Number.isSafeInteger(numerator) ||
      !Number.isSafeInteger(denominator) ||
      denominator <= 0 ||
      Math.abs(numerator) > denominator
    )
      throw new RangeError(
        `the position of "${statement.id}" must be a ratio within −1..1, not ${numerator}/${denominator}`,
      );
    return [{ statement, x: BigInt(numerator), d: BigInt(denominator) }];
  });
  const m = answered.length;
  if (m === 0) return null;

  // Who is ranked depends only on which statements are answered, never on the answers, so the
  // engine is asked with a voter who answers 0 on exactly the statements the class answered.
  const engine = scoreVoter(compass, {
    answers: Object.fromEntries(answered.map(({ statement }) => [statement.id, { answer: 0 }])),
  });
  if (engine.status !== 'ok') throw new Error('the engine gave no result for answered statements');
  const ranking = new Map(engine.parties.map((p) => [p.party, p]));

  const scored = compass.parties.map((party) => {
    // Σ 16e as the exact fraction sum / den. With x = X/D, the party's position P/2 (P = 2p in
    // half steps) and confidence Q/4: 16e = (Q·(4D − |2X − P·D|) + 2D·(4 − Q)) / D, which is
    // the engine's 16e = Q·4a + 2·(4 − Q) with 4a = 4 − |2x − P|; 8 when silent.
    let sum = 0n;
    let den = 1n;
    for (const { statement, x, d } of answered) {
      const stance = statement.stances[party.id];
      let num = 8n * d;
      if (stance !== undefined && stance.position !== null) {
        const P = BigInt(Math.round(stance.position * 2));
        const Q = BigInt(Math.round(stance.confidence * 4));
        num = Q * (4n * d - abs(2n * x - P * d)) + 2n * d * (4n - Q);
      }
      sum = sum * d + num * den;
      den *= d;
      const g = gcd(sum, den);
      if (g > 1n) [sum, den] = [sum / g, den / g];
    }
    // S = sum / (16 · m · den); a whole percent is ⌊(200·n + d) / (2·d)⌋, as percentHalfUp.
    const d = 16n * BigInt(m) * den;
    const percent = Number((200n * sum + d) / (2n * d));
    const score = Number((sum * SCALE) / d) / Number(SCALE);
    const engineParty = ranking.get(party.id)!;
    return {
      party,
      percent,
      score,
      stated: engineParty.stated,
      eligible: engineParty.eligible,
      reason: engineParty.reason,
    };
  });

  const ranked = scored
    .filter((p) => p.eligible)
    .sort((a, b) => b.percent - a.percent || byName(a.party, b.party));
  const unranked = scored.filter((p) => !p.eligible).sort((a, b) => byName(a.party, b.party));
  return {
    answered: m,
    parties: [...ranked, ...unranked].map(({ party, ...rest }): ProfileParty => ({
      party: party.id,
      ...rest,
      rank: rest.eligible ? 1 + ranked.filter((r) => r.percent > rest.percent).length : null,
    })),
  };
}
