import type { Position, Stance } from '../domain/bank/types.ts';
import { buildCompass } from './compass-builder.ts';

/** A stance at `position` with one quote, or "no stated position" for null. */
export const stance = (
  position: Position | null,
  confidence: Stance['confidence'] = 1,
): Stance => ({
  position,
  confidence: position === null ? 0 : confidence,
  quotes: position === null ? [] : ['citat'],
  rationale: '',
});

/**
 * The compass of the worked examples in docs/method.md: three parties, five statements, party C
 * silent on two of them. The classroom's worked examples (five-point counters and randomized
 * response) are computed by hand on it there and checked against it in their tests.
 */
export const workedExampleCompass = buildCompass({
  id: 'exempel',
  version: '3',
  parties: [
    { id: 'a', name: 'Parti A' },
    { id: 'b', name: 'Parti B' },
    { id: 'c', name: 'Parti C' },
  ],
  statements: [
    { id: 's1', stances: { a: stance(1), b: stance(0), c: stance(1, 0.5) } },
    { id: 's2', stances: { a: stance(-1), b: stance(1), c: stance(null) } },
    { id: 's3', stances: { a: stance(1), b: stance(0), c: stance(0) } },
    { id: 's4', stances: { a: stance(-1), b: stance(1), c: stance(null) } },
    { id: 's5', stances: { a: stance(1), b: stance(-1), c: stance(-1) } },
  ],
});
