import { describe, expect, it } from 'vitest';
import { contrastOnWhite } from '../../config/embed-contract.ts';
import { readEmbedOptions } from './embed-options.ts';

describe('readEmbedOptions', () => {
  it('reads valid options', () => {
    expect(
      readEmbedOptions(
        '?lang=ar&parties=s,v&accent=%230b5cad&theme=dark&compact=true&start=quiz&statement=samma-budget',
      ),
    ).toEqual({
      lang: 'ar',
      parties: ['s', 'v'],
      accent: '#0b5cad',
      theme: 'dark',
      compact: true,
      start: 'quiz',
      statement: 'samma-budget',
    });
  });

  it('falls back to defaults and warns for every bad value, never throwing', () => {
    const warnings: string[] = [];
    const options = readEmbedOptions(
      '?lang=fr&parties=S;V&accent=red&theme=pink&compact=yes&start=end&statement=<script>',
      (m) => warnings.push(m),
    );
    expect(options).toEqual({
      lang: null,
      parties: null,
      accent: null,
      theme: 'auto',
      compact: false,
      start: 'start',
      statement: null,
    });
    expect(warnings).toHaveLength(7);
    expect(warnings).toContain('valkompass: ignoring theme="pink" (use light, dark, auto)');
  });

  it('reads the same values the loader passes on: parties as ids, compact only as true/false', () => {
    expect(readEmbedOptions('?parties=s,mp-x&compact=false').parties).toEqual(['s', 'mp-x']);
    expect(readEmbedOptions('?parties=s,,v').parties).toBeNull();
    expect(readEmbedOptions('?parties=-s').parties).toBeNull();
    expect(readEmbedOptions('?compact=TRUE').compact).toBe(false);
  });

  it('drops an accent colour that would make text illegible on white', () => {
    const warnings: string[] = [];
    expect(readEmbedOptions('?accent=%23ffff00', (m) => warnings.push(m)).accent).toBeNull();
    expect(warnings[0]).toMatch(/contrast/);
    expect(contrastOnWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastOnWhite('#ffffff')).toBeCloseTo(1, 5);
  });
});
