/**
 * A party colour's contrast against white and against the app's text colour, from the embed
 * contract's `contrastOnWhite` (WCAG relative luminance): a luminance L has contrast
 * 1.05 / (L + 0.05) on white, so L follows back from it.
 */
import { contrastOnWhite, MIN_ACCENT_CONTRAST } from '../../../config/embed-contract.ts';

/** The app's text colour in light mode (app.css `--fg`). */
export const TEXT_COLOUR = '#1a1a1a';

export const isHexColour = (value: string) => /^#[0-9a-fA-F]{6}$/.test(value);

const luminance = (hex: string) => 1.05 / contrastOnWhite(hex) - 0.05;

/** Contrast ratio of two `#rrggbb` colours, 1..21. */
export function contrastBetween(a: string, b: string): number {
  const [lo, hi] = [luminance(a), luminance(b)].sort((x, y) => x - y) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

export const readable = (ratio: number) => ratio >= MIN_ACCENT_CONTRAST;
