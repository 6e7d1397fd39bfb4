import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { parseCompass } from '../src/domain/bank/parse-compass.ts';
import type { Localized } from '../src/domain/bank/types.ts';
import { loadValidBank } from '../src/tools/load-bank.ts';
import { toCsv, toOpenData } from '../src/tools/open-data.ts';

// Throws with the bank's issues if it does not validate (tests/bank-real.test.ts lists them too).
const compass = loadValidBank('questions/socialpolitik');
const data = toOpenData(compass);
const schema = JSON.parse(readFileSync('src/tools/compass.schema.json', 'utf8')) as object;
// ajv-formats checks `format` ("date" …); strictSchema makes a format it does not know an error.
const ajv = new Ajv2020({ allErrors: true, strict: false, strictSchema: true });
addFormats(ajv);
const validate = ajv.compile(schema);

/** A small RFC 4180 reader, enough to read back what toCsv writes. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '"' && text[i + 1] === '"') {
      field += '"';
      i++;
    } else if (quoted && ch === '"') {
      quoted = false;
    } else if (quoted) {
      field += ch;
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('open data', () => {
  it('matches the published JSON Schema', () => {
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
  });

  it('has the contract fields, with every party in every statement', () => {
    expect(data).toMatchObject({ id: 'socialpolitik', version: compass.version });
    expect(data.title.sv).not.toBe('');
    expect(data.parties[0]).toMatchObject({ id: 's', short: 'S', municipality: 'Knivsta' });
    expect(data.parties[0]!.source.url).toMatch(/^https:\/\//);
    for (const s of data.statements) {
      expect(Object.keys(s.stances)).toEqual(compass.parties.map((p) => p.id));
      for (const stance of Object.values(s.stances)) {
        if (stance.position === null) expect(stance).toMatchObject({ confidence: 0, quotes: [] });
        else expect(stance.quotes.length).toBeGreaterThan(0);
      }
    }
  });

  it('publishes every statement in easy-read Swedish as statements[].easy { text, explainer }', () => {
    expect(data.statements).toHaveLength(compass.statements.length);
    data.statements.forEach((s, i) => {
      const own = compass.statements[i]!.easy;
      expect(own, s.id).toBeDefined();
      expect(s.easy, s.id).toEqual({ text: own!.text, explainer: own!.explainer });
    });
    // The published JSON itself, as a consumer reads it.
    const published = JSON.parse(JSON.stringify(data)) as {
      statements: { id: string; easy?: { text: string; explainer: string } }[];
    };
    expect(published.statements.every((s) => s.easy?.text && s.easy.explainer)).toBe(true);
  });

  it('leaves easy out for a statement that has none, and still validates', () => {
    const [first, ...rest] = compass.statements;
    const withoutEasy = { ...first!, easy: undefined };
    const without = toOpenData({ ...compass, statements: [withoutEasy, ...rest] });
    expect(without.statements[0]).not.toHaveProperty('easy');
    expect(without.statements[1]).toHaveProperty('easy');
    expect(validate(without), JSON.stringify(validate.errors)).toBe(true);
  });

  it('is rejected by the schema when an easy block is empty, incomplete or has unknown fields', () => {
    type Easy = { text?: string; explainer?: string; extra?: string };
    const withEasy = (easy: Easy) => {
      const copy = structuredClone(data);
      (copy.statements[0] as { easy?: Easy }).easy = easy;
      return copy;
    };
    const good = data.statements[0]!.easy!;
    expect(validate(withEasy({ ...good }))).toBe(true);
    for (const easy of [
      { ...good, text: '' },
      { ...good, explainer: '   ' },
      { text: good.text },
      { ...good, extra: 'x' },
    ]) {
      expect(validate(withEasy(easy)), JSON.stringify(easy)).toBe(false);
      expect(validate.errors?.[0]?.instancePath).toMatch(/^\/statements\/0\/easy/);
    }
  });

  it('validates a Swedish-only compass (English optional), which the browser reads back', () => {
    const swedish = (l: Localized): Localized => ({ sv: l.sv });
    const only = toOpenData({
      ...compass,
      title: swedish(compass.title),
      description: swedish(compass.description),
      themes: compass.themes.map((t) => ({ ...t, name: swedish(t.name) })),
      statements: compass.statements.map((s) => ({
        ...s,
        text: swedish(s.text),
        explainer: swedish(s.explainer),
      })),
      glossary: compass.glossary.map((g) => ({
        ...g,
        term: swedish(g.term),
        definition: swedish(g.definition),
      })),
    });
    expect(JSON.stringify(only)).not.toMatch(/"(en|ar)":/);
    expect(validate(only), JSON.stringify(validate.errors)).toBe(true);
    const parsed = parseCompass(JSON.parse(JSON.stringify(only)));
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    // Its CSV keeps the text_en column, empty.
    const rows = readCsv(toCsv(parsed.ok ? parsed.compass : compass));
    expect(rows[0]![4]).toBe('text_en');
    expect(rows.slice(1).every((r) => r[4] === '')).toBe(true);
  });

  it('still requires Swedish and rejects an empty English text', () => {
    const without = structuredClone(data);
    (without.statements[0]!.text as { sv?: string }).sv = undefined;
    expect(validate(JSON.parse(JSON.stringify(without)))).toBe(false);
    const empty = structuredClone(data);
    (empty.title as { en?: string }).en = '';
    expect(validate(empty)).toBe(false);
    expect(validate.errors?.[0]?.instancePath).toBe('/title/en');
  });

  it('is read back by the browser-side parser unchanged', () => {
    const parsed = parseCompass(JSON.parse(JSON.stringify(data)));
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.compass.statements).toEqual(compass.statements);
  });

  it('is rejected by the schema when a position is off the grid or a silent party keeps a quote', () => {
    const broken = structuredClone(data);
    const first = broken.statements[0]!.stances;
    (first.c as { position: number }).position = 0.7;
    expect(validate(broken)).toBe(false);
    const silentWithQuote = structuredClone(data);
    (silentWithQuote.statements[0]!.stances.s as unknown as { quotes: string[] }).quotes = ['x'];
    expect(validate(silentWithQuote)).toBe(false);
  });

  it('is rejected by the schema when the coding date is not a real date', () => {
    for (const coded of ['2026-13-45', '2026-02-30', '23/11/2026']) {
      expect(validate({ ...data, coded }), coded).toBe(false);
      expect(validate.errors).toContainEqual(
        expect.objectContaining({ instancePath: '/coded', keyword: 'format' }),
      );
    }
    expect(validate({ ...data, coded: '2028-02-29' })).toBe(true);
  });

  it('writes one CSV row per statement and party, quotes intact', () => {
    const rows = readCsv(toCsv(compass));
    expect(rows[0]).toEqual([
      'statement_id',
      'theme',
      'direction',
      'text_sv',
      'text_en',
      'party',
      'position',
      'confidence',
      'quotes',
      'rationale',
    ]);
    expect(rows).toHaveLength(1 + compass.statements.length * compass.parties.length);
    const s0 = compass.statements[0]!;
    const c = rows.find((r) => r[0] === s0.id && r[5] === 'c')!;
    expect(c[3]).toBe(s0.text.sv);
    expect(c[8]!.split('\n')).toEqual(s0.stances.c!.quotes);
    const silent = rows.find((r) => r[0] === s0.id && r[5] === 's')!;
    expect(silent[6]).toBe('');
  });
});
