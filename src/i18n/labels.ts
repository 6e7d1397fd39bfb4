import type { Confidence, Position } from '../domain/bank/types.ts';

/** Translation keys are typed (src/i18n/i18next.d.ts): a misspelt one here fails the typecheck. */
type PositionKey =
  `position.${'agree' | 'partlyAgree' | 'neutral' | 'partlyDisagree' | 'disagree' | 'silent' | 'skip'}`;
type ConfidenceKey = `confidence.${'explicit' | 'general' | 'implied'}`;

const POSITION_KEYS = new Map<Position, PositionKey>([
  [1, 'position.agree'],
  [0.5, 'position.partlyAgree'],
  [0, 'position.neutral'],
  [-0.5, 'position.partlyDisagree'],
  [-1, 'position.disagree'],
]);

/** The translation key of a position or answer; silence and skip have their own. */
export function positionKey(position: Position | null | 'skip'): PositionKey {
  if (position === null) return 'position.silent';
  if (position === 'skip') return 'position.skip';
  return POSITION_KEYS.get(position)!;
}

const CONFIDENCE_KEYS = new Map<Confidence, ConfidenceKey>([
  [1, 'confidence.explicit'],
  [0.75, 'confidence.general'],
  [0.5, 'confidence.implied'],
]);

/** The translation key of a coding confidence (never asked for silence). */
export const confidenceKey = (confidence: Confidence): ConfidenceKey =>
  CONFIDENCE_KEYS.get(confidence) ?? 'confidence.implied';

/** A decimal in the reader's language (a comma in Swedish), always with Western digits like the rest of the page. */
export function formatDecimal(value: number, language: string, digits: number): string {
  return new Intl.NumberFormat(`${language}-u-nu-latn`, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
}
