import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contrastOnWhite,
  DEFAULT_ACCENT,
  FRAME_SANDBOX,
  frameAddress,
  frameKind,
  isReadableAccent,
  OPTION_NAMES,
  OPTION_RULES,
  PLAIN_FRAME_HEIGHT,
  RESERVED_HEIGHT,
} from './embed-contract.ts';

describe('the embed contract', () => {
  it('starts the builder with the app’s own accent, which is readable on white', () => {
    expect(readFileSync('src/app/app.css', 'utf8')).toMatch(
      new RegExp(`--accent: ${DEFAULT_ACCENT};`),
    );
    expect(isReadableAccent(DEFAULT_ACCENT)).toBe(true);
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5);
    expect(isReadableAccent('#767676')).toBe(true); // 4.54:1
    expect(isReadableAccent('#777777')).toBe(false); // 4.48:1
  });

  it('reserves the most height for the whole quiz and the least for one statement', () => {
    expect(frameKind(true, true)).toBe('statement');
    expect(frameKind(false, true)).toBe('compact');
    expect(frameKind(false, false)).toBe('full');
    expect(RESERVED_HEIGHT.full).toBeGreaterThan(RESERVED_HEIGHT.compact);
    expect(RESERVED_HEIGHT.compact).toBeGreaterThan(RESERVED_HEIGHT.statement);
  });

  it('passes the options on in one fixed order, each with a rule', () => {
    expect(OPTION_NAMES).toEqual([
      'lang',
      'parties',
      'accent',
      'theme',
      'compact',
      'start',
      'statement',
    ]);
    expect(OPTION_RULES.lang.valid('ar')).toBe(true);
    expect(OPTION_RULES.lang.valid('de')).toBe(false);
    expect(OPTION_RULES.accent.valid('#0B5CAD')).toBe(true);
    expect(OPTION_RULES.accent.valid('#ffff00')).toBe(false);
    expect(OPTION_RULES.accent.valid('0b5cad')).toBe(false);
  });

  it('gives the frame’s address with or without a query', () => {
    expect(frameAddress('https://k.example', 'socialpolitik', new URLSearchParams())).toBe(
      'https://k.example/embed/socialpolitik',
    );
    expect(
      frameAddress('https://k.example', 'socialpolitik', new URLSearchParams({ lang: 'en' })),
    ).toBe('https://k.example/embed/socialpolitik?lang=en');
  });

  it('is what EMBED.md tells news sites, in both languages', () => {
    const doc = readFileSync('EMBED.md', 'utf8').replace(/\s+/g, ' ');
    const { full, compact, statement } = RESERVED_HEIGHT;
    expect(doc).toContain(
      `(${full} px, ${compact} px i kompakt läge, ${statement} px för ett påstående)`,
    );
    expect(doc).toContain(`(${full} px, ${compact} px compact, ${statement} px for one statement)`);
    expect(doc).toContain(`style="min-height:${full}px"`);
    expect(doc).toContain(`height:${PLAIN_FRAME_HEIGHT.quiz}px`);
    expect(doc.split(`sandbox="${FRAME_SANDBOX}"`)).toHaveLength(4);
    for (const name of OPTION_NAMES) expect(doc).toContain(`| \`data-${name}\` |`);
  });
});
