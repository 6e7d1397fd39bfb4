import { readAnswer } from '../answer/answer.ts';
import type { Compass, Statement } from '../bank/types.ts';
import { CONFIDENCES, POSITIONS } from '../bank/types.ts';
import { ScoringError } from './errors.ts';
import { halfSteps, quarters } from './exact.ts';
import { packTerm } from './term.ts';
import type { ScoringOptions, Voter } from './types.ts';

/**
 * One voter against one compass, ready for exact sums: the answered statements, their weights,
 * and the integer terms of every (party, answered statement) cell, packed (see term.ts).
 */
export interface Tally {
  readonly parties: readonly string[];
  readonly statements: readonly Statement[];
  /** w per answered statement (1 or 2). */
  readonly weights: Int32Array;
  /** The packed terms of party i on answered statement j, at i·n + j (n answered statements). */
  readonly packed: Int32Array;
}

/**
 * A stance as a small code: 0 silent, else 1 + 3·(p₂ + 2) + k with k = 0, 1, 2 for confidence
 * 0.5, 0.75, 1. With 16 codes, each answered statement needs only a 16-entry table of terms.
 */
const CODES = 16;
const CONFIDENCE_CODE = /* @__PURE__ */ new Map<number, number>([
  [0.5, 0],
  [0.75, 1],
  [1, 2],
]);
const decode = (code: number): { p2: number; k: number } => ({
  p2: Math.floor((code - 1) / 3) - 2,
  k: (code - 1) % 3,
});

/** The compass as stance codes, statement-major over every party; cached per compass object. */
interface Compiled {
  readonly partyIndex: ReadonlyMap<string, number>;
  readonly codes: Uint8Array;
}

const compiledCache = /* @__PURE__ */ new WeakMap<Compass, Compiled>();

function compile(compass: Compass): Compiled {
  const cached = compiledCache.get(compass);
  if (cached) return cached;
  const parties = compass.parties;
  const count = parties.length;
  const codes = new Uint8Array(compass.statements.length * count);
  const validPosition = new Set<unknown>(POSITIONS);
  const validConfidence = new Set<unknown>(CONFIDENCES);
  compass.statements.forEach((s, j) => {
    for (let i = 0; i < count; i++) {
      const party = parties[i]!.id;
      const stance = s.stances[party];
      if (stance === undefined)
        throw new ScoringError(
          'invalid-compass',
          `statement "${s.id}" has no stance for party "${party}"`,
        );
      if (
        !(stance.position === null || validPosition.has(stance.position)) ||
        !validConfidence.has(stance.confidence)
      )
        throw new ScoringError(
          'invalid-compass',
          `statement "${s.id}": party "${party}" has an invalid position or confidence`,
        );
      // Confidence 0 means the programme does not address the statement: the same as silence.
      if (stance.position === null || stance.confidence === 0) continue;
      codes[j * count + i] =
        1 + 3 * (halfSteps(stance.position) + 2) + CONFIDENCE_CODE.get(stance.confidence)!;
    }
  });
  const compiled = { partyIndex: new Map(parties.map((p, i) => [p.id, i])), codes };
  compiledCache.set(compass, compiled);
  return compiled;
}

/** Checks the voter against the compass and builds the tally; throws ScoringError on bad input. */
export function tally(compass: Compass, voter: Voter, options: ScoringOptions = {}): Tally {
  const known = new Set(compass.statements.map((s) => s.id));
  for (const [id, given] of Object.entries(voter.answers)) {
    if (!known.has(id))
      throw new ScoringError('unknown-statement', `unknown statement "${id}" in the answers`);
    if (given === undefined) continue;
    const reading = readAnswer(given);
    if (!reading.ok)
      throw new ScoringError('invalid-answer', `answer to "${id}" ${reading.reason}`);
  }
  const compiled = compile(compass);
  const parties = voter.parties ?? compass.parties.map((p) => p.id);
  const columns = new Int32Array(parties.length);
  const seen = new Set<string>();
  parties.forEach((id, i) => {
    const index = compiled.partyIndex.get(id);
    if (index === undefined)
      throw new ScoringError('unknown-party', `unknown party "${id}" in the party filter`);
    if (seen.has(id))
      throw new ScoringError('unknown-party', `party "${id}" is listed twice in the party filter`);
    seen.add(id);
    columns[i] = index;
  });

  const stride = compass.parties.length;
  const rows: number[] = [];
  const statements = compass.statements.filter((s, row) => {
    // Own properties only: a statement id like "constructor" must not read Object.prototype.
    const given = Object.hasOwn(voter.answers, s.id) ? voter.answers[s.id] : undefined;
    const answered = given !== undefined && given.answer !== 'skip';
    if (answered) rows.push(row * stride);
    return answered;
  });
  const n = statements.length;
  const weights = Int32Array.from(statements, (s) => (voter.answers[s.id]!.important ? 2 : 1));
  const confidence4 = [2, 3, 4];
  if (options.impliedConfidence !== undefined) confidence4[0] = quarters(options.impliedConfidence);
  // One 16-entry table of terms per answered statement, then one look-up per cell.
  const tables = new Int32Array(n * CODES);
  statements.forEach((s, j) => {
    const w = weights[j]!;
    const v2 = halfSteps(voter.answers[s.id]!.answer as number);
    tables[j * CODES] = packTerm(w, v2, null, 0);
    for (let code = 1; code < CODES; code++) {
      const { p2, k } = decode(code);
      tables[j * CODES + code] = packTerm(w, v2, p2, confidence4[k]!);
    }
  });
  const packed = new Int32Array(parties.length * n);
  const codes = compiled.codes;
  for (let j = 0; j < n; j++) {
    const row = rows[j]!;
    const table = j * CODES;
    for (let i = 0; i < parties.length; i++)
      packed[i * n + j] = tables[table + codes[row + columns[i]!]!]!;
  }
  return { parties, statements, weights, packed };
}
