import { describe, expect, it } from 'vitest';
import type { RandomizedClassFigures } from '../../domain/classroom/randomized-estimate.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { closedFigures, TWENTY_SUBMISSIONS } from '../../test/twenty-submissions.ts';
import { classResultCsv, csvField } from './class-csv.ts';

const COUNTERS = TWENTY_SUBMISSIONS;
const closed = closedFigures;
const figures: RandomizedClassFigures = closed(demoCompass, COUNTERS);

describe('csvField', () => {
  it('quotes only what RFC 4180 requires, doubling quotes (standard)', () => {
    expect(csvField('plain text', 'standard')).toBe('plain text');
    expect(csvField('a, b', 'standard')).toBe('"a, b"');
    expect(csvField('a; b', 'standard')).toBe('a; b');
    expect(csvField('say "hi"', 'standard')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines', 'standard')).toBe('"two\r\nlines"');
    expect(csvField('line\nfeed', 'standard')).toBe('"line\nfeed"');
    expect(csvField(null, 'standard')).toBe('');
  });

  it('quotes a field holding its own separator, a quote or a line break (Excel in Swedish)', () => {
    expect(csvField('plain text', 'excel-sv')).toBe('plain text');
    expect(csvField('a; b', 'excel-sv')).toBe('"a; b"');
    expect(csvField('a, b', 'excel-sv')).toBe('a, b');
    expect(csvField('say "hi"', 'excel-sv')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines', 'excel-sv')).toBe('"two\r\nlines"');
    expect(csvField('line\nfeed', 'excel-sv')).toBe('"line\nfeed"');
    expect(csvField('a; "b",\nc', 'excel-sv')).toBe('"a; ""b"",\nc"');
    expect(csvField(null, 'excel-sv')).toBe('');
  });

  it('writes decimals with a point (standard) or a comma (Excel in Swedish)', () => {
    expect(csvField(-0.5, 'standard')).toBe('-0.5');
    expect(csvField(12.75, 'standard')).toBe('12.75');
    expect(csvField(57, 'standard')).toBe('57');
    expect(csvField(-0.5, 'excel-sv')).toBe('-0,5');
    expect(csvField(12.75, 'excel-sv')).toBe('12,75');
    expect(csvField(57, 'excel-sv')).toBe('57');
    expect(csvField(0, 'excel-sv')).toBe('0');
  });
});

describe('classResultCsv', () => {
  it('writes p and n, every statement and category, then the parties, with a BOM and CRLF', () => {
    const csv = classResultCsv(demoCompass, figures, 'sv', 'standard');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const lines = csv.slice(1, -2).split('\r\n');
    expect(lines.slice(0, 3)).toEqual(['p,submissions', '0.4,20', '']);
    expect(lines[3]).toBe('statement,text,category,observed,estimate,standardError,share');
    // For "fler-bibliotek", by hand: T̂ = (o/20 − 0.1)/0.6, SE = √(o(20 − o))/(20√20)/0.6.
    expect(lines.slice(4, 8)).toEqual([
      'fler-bibliotek,Kommunen ska bygga fler bibliotek.,emot,2,0,0.1118,0',
      'fler-bibliotek,Kommunen ska bygga fler bibliotek.,varken,2,0,0.1118,0',
      'fler-bibliotek,Kommunen ska bygga fler bibliotek.,for,14,1,0.1708,1',
      'fler-bibliotek,Kommunen ska bygga fler bibliotek.,hoppade-over,2,0,0.1118,0',
    ]);
    // A negative estimate is written as it is; its shown share is 0.
    expect(lines[12]).toBe(
      'balans-fore-satsningar,Kommunens ekonomi ska vara i balans innan den gör nya satsningar.,emot,1,-0.0833,0.0812,0',
    );
    expect(lines[13]).toMatch(/,varken,9,0\.5833,0\.1854,0\.5$/);
    // Four rows per statement in compass order, then an empty line and the parties.
    const statementRows = lines.slice(4, 4 + 4 * demoCompass.statements.length);
    expect(statementRows.map((line) => line.split(',')[0])).toEqual(
      demoCompass.statements.flatMap((st) => [st.id, st.id, st.id, st.id]),
    );
    const partyBlock = lines.slice(4 + 4 * demoCompass.statements.length);
    expect(partyBlock[0]).toBe('');
    expect(partyBlock[1]).toBe('party,name,percent,rank');
    expect(partyBlock.slice(2)).toEqual(
      figures.profile!.parties.map((party) => {
        const { name } = demoCompass.parties.find((x) => x.id === party.party)!;
        return `${party.party},${name},${party.percent},${party.rank ?? ''}`;
      }),
    );
    expect(partyBlock.length).toBe(2 + demoCompass.parties.length);
    // Nothing of any one pupil, and no five-point figures.
    expect(csv).not.toMatch(/meanPercent|first|important|-0\.5/);
  });

  it('writes the same for Excel in Swedish with semicolons and decimal commas', () => {
    const standard = classResultCsv(demoCompass, figures, 'sv', 'standard');
    const excel = classResultCsv(demoCompass, figures, 'sv', 'excel-sv');
    expect(excel.split('\r\n').slice(0, 5)).toEqual([
      '\uFEFFp;submissions',
      '0,4;20',
      '',
      'statement;text;category;observed;estimate;standardError;share',
      'fler-bibliotek;Kommunen ska bygga fler bibliotek.;emot;2;0;0,1118;0',
    ]);
    // Field by field the same figures (no text of the demo compass holds a comma or semicolon).
    expect(excel.replaceAll(',', '.').replaceAll(';', ',')).toBe(standard);
  });

  const [first, ...rest] = demoCompass.statements;

  it('quotes texts with commas and quotes, and uses the chosen language', () => {
    const compass = {
      ...demoCompass,
      statements: [
        { ...first!, text: { sv: 'Skolan, inte "marknaden"', en: 'School, not "the market"' } },
        ...rest,
      ],
    };
    const csv = classResultCsv(compass, closed(compass, COUNTERS), 'en', 'standard');
    expect(csv.split('\r\n')[4]).toBe(
      'fler-bibliotek,"School, not ""the market""",emot,2,0,0.1118,0',
    );
  });

  it('quotes texts with semicolons, quotes and line breaks for Excel in Swedish', () => {
    const [party, ...others] = demoCompass.parties;
    const compass = {
      ...demoCompass,
      statements: [
        { ...first!, text: { sv: 'Skolan; inte "marknaden",\nsa de', en: 'School' } },
        ...rest,
      ],
      parties: [{ ...party!, name: 'Parti; med semikolon' }, ...others],
    };
    const csv = classResultCsv(compass, closed(compass, COUNTERS), 'sv', 'excel-sv');
    expect(csv.split('\r\n')[4]).toBe(
      'fler-bibliotek;"Skolan; inte ""marknaden"",\nsa de";emot;2;0;0,1118;0',
    );
    expect(csv).toContain(`\r\n${party!.id};"Parti; med semikolon";`);
  });
});
