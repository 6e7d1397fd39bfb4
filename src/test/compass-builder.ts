import type { Compass, Stance } from '../domain/bank/types.ts';

export interface PartySpec {
  readonly id: string;
  /** Defaults to the id; ties are ordered by name. */
  readonly name?: string;
}

export interface StatementSpec {
  readonly id: string;
  readonly theme?: string;
  /** Stance by party id; tests of the share codec need none. */
  readonly stances?: Readonly<Record<string, Stance>>;
}

/**
 * A minimal valid-shaped compass for engine and codec tests: only what the test names matters,
 * everything else is filler. Themes are those the statements use, in order, unless given.
 */
export function buildCompass({
  id = 'test',
  version = '1',
  parties,
  statements,
  themes,
}: {
  id?: string;
  version?: string;
  parties: readonly PartySpec[];
  statements: readonly StatementSpec[];
  themes?: readonly string[];
}): Compass {
  const themeIds = themes ?? [...new Set(statements.map((s) => s.theme ?? 't'))];
  return {
    id,
    version,
    coded: '2026-11-23',
    title: { sv: 't', en: 't' },
    description: { sv: 'd', en: 'd' },
    themes: themeIds.map((theme) => ({ id: theme, name: { sv: theme, en: theme } })),
    parties: parties.map((p) => ({
      id: p.id,
      name: p.name ?? p.id,
      short: p.id.toUpperCase(),
      municipality: 'X',
      colour: '#000000',
      source: { file: 'f', url: 'https://x', boilerplate: [] },
    })),
    statements: statements.map((s) => ({
      id: s.id,
      theme: s.theme ?? 't',
      direction: 'more',
      text: { sv: s.id, en: s.id },
      explainer: { sv: s.id, en: s.id },
      terms: [],
      stances: s.stances ?? {},
    })),
    glossary: [],
    rules: {
      minStatements: 1,
      maxStatements: 255,
      minThemes: 1,
      minCoverage: 0,
      minLessShare: 0,
      maxAgreeAllPercent: 100,
    },
  };
}

/** CRC-8 (polynomial 0x07, init 0) bit by bit: an independent reference for the share codec. */
export function referenceCrc8(bytes: Iterable<number>): number {
  let crc = 0;
  for (const byte of bytes)
    for (let bit = 7; bit >= 0; bit--) {
      const top = ((crc >> 7) ^ (byte >> bit)) & 1;
      crc = ((crc << 1) & 0xff) ^ (top ? 0x07 : 0);
    }
  return crc;
}
