import type { CodingKind, Explicitness, Position } from '../../../domain/workbench/api.ts';

/** The scale as the quiz shows it, "Helt för" first. */
export const SCALE: readonly Position[] = [1, 0.5, 0, -0.5, -1];

export const KINDS: readonly CodingKind[] = ['stated', 'implied', 'silent'];

export const EXPLICITNESS: readonly Explicitness[] = ['explicit', 'general'];

type ScaleKey = `scale.${'agree' | 'partlyAgree' | 'neutral' | 'partlyDisagree' | 'disagree'}`;

const SCALE_KEYS = new Map<Position, ScaleKey>([
  [1, 'scale.agree'],
  [0.5, 'scale.partlyAgree'],
  [0, 'scale.neutral'],
  [-0.5, 'scale.partlyDisagree'],
  [-1, 'scale.disagree'],
]);

/** The workbenchCoding key of a position; silence (null) has its own. */
export const scaleKey = (position: Position | null): ScaleKey | 'scale.silent' =>
  position === null ? 'scale.silent' : SCALE_KEYS.get(position)!;

/** The key of a cell, for maps and React keys. */
export const cellKey = (statement: string, party: string) => `${statement}\u0000${party}`;

/** Whether a coding's evidence is incomplete: a quote lost with a programme, or none at all. */
export const needsQuote = (coding: {
  readonly kind: CodingKind;
  readonly quote: unknown;
  readonly quoteLost: boolean;
}) => coding.quoteLost || (coding.kind !== 'silent' && coding.quote === null);
