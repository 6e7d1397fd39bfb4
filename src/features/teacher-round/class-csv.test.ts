import { describe, expect, it } from 'vitest';
import type { ClassFigures } from '../../domain/classroom/index.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { demoCompass } from '../../test/render-app.tsx';
import { classResultCsv, csvField } from './class-csv.ts';

const figures: ClassFigures = {
  compass: 'demo',
  version: '1.0.0',
  submissions: 6,
  statements: {
    'fler-bibliotek': { '-1': 1, '-0.5': 0, '0': 1, '0.5': 2, '1': 2, skip: 0, important: 3 },
    'kulturskola-avgift': { '-1': 3, '-0.5': 1, '0': 0, '0.5': 0, '1': 0, skip: 2, important: 1 },
    'balans-fore-satsningar': {
      '-1': 0,
      '-0.5': 0,
      '0': 6,
      '0.5': 0,
      '1': 0,
      skip: 0,
      important: 0,
    },
    'foreningsdrivna-bibliotek': {
      '-1': 0,
      '-0.5': 0,
      '0': 0,
      '0.5': 0,
      '1': 0,
      skip: 6,
      important: 0,
    },
  },
  parties: { a: { meanPercent: 57, first: 2 }, b: { meanPercent: null, first: 0 } },
};

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
  it('writes the statements in compass order, then the parties, with a BOM and CRLF', () => {
    expect(classResultCsv(demoCompass, figures, 'sv', 'standard')).toBe(
      '\uFEFF' +
        [
          'statement,text,-1,-0.5,0,0.5,1,skip,important',
          'fler-bibliotek,Kommunen ska bygga fler bibliotek.,1,0,1,2,2,0,3',
          'kulturskola-avgift,Kulturskolan ska kosta pengar för eleverna.,3,1,0,0,0,2,1',
          'balans-fore-satsningar,Kommunens ekonomi ska vara i balans innan den gör nya satsningar.,0,0,6,0,0,0,0',
          'foreningsdrivna-bibliotek,Föreningar ska driva fler av kommunens bibliotek.,0,0,0,0,0,6,0',
          '',
          'party,name,meanPercent,first',
          'a,Alfapartiet,57,2',
          'b,Betapartiet,,0',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('writes the same for Excel in Swedish with semicolons and decimal commas', () => {
    expect(classResultCsv(demoCompass, figures, 'sv', 'excel-sv')).toBe(
      '\uFEFF' +
        [
          'statement;text;-1;-0,5;0;0,5;1;skip;important',
          'fler-bibliotek;Kommunen ska bygga fler bibliotek.;1;0;1;2;2;0;3',
          'kulturskola-avgift;Kulturskolan ska kosta pengar för eleverna.;3;1;0;0;0;2;1',
          'balans-fore-satsningar;Kommunens ekonomi ska vara i balans innan den gör nya satsningar.;0;0;6;0;0;0;0',
          'foreningsdrivna-bibliotek;Föreningar ska driva fler av kommunens bibliotek.;0;0;0;0;0;6;0',
          '',
          'party;name;meanPercent;first',
          'a;Alfapartiet;57;2',
          'b;Betapartiet;;0',
        ].join('\r\n') +
        '\r\n',
    );
  });

  it('quotes texts with commas and quotes, and uses the chosen language', () => {
    const base = buildCompass({ parties: [{ id: 'p' }], statements: [{ id: 's1' }] });
    const compass = {
      ...base,
      statements: [
        {
          ...base.statements[0]!,
          text: { sv: 'Skolan, inte "marknaden"', en: 'School, not "the market"' },
        },
      ],
    };
    const counts = { '-1': 1, '-0.5': 1, '0': 1, '0.5': 1, '1': 1, skip: 0, important: 0 };
    const csv = classResultCsv(
      compass,
      {
        compass: compass.id,
        version: compass.version,
        submissions: 5,
        statements: { s1: counts },
        parties: Object.fromEntries(
          compass.parties.map((p) => [p.id, { meanPercent: 50, first: 1 }]),
        ),
      },
      'en',
      'standard',
    );
    expect(csv.split('\r\n')[1]).toBe('s1,"School, not ""the market""",1,1,1,1,1,0,0');
  });

  it('quotes texts with semicolons, quotes and line breaks for Excel in Swedish', () => {
    const base = buildCompass({ parties: [{ id: 'p' }], statements: [{ id: 's1' }] });
    const compass = {
      ...base,
      statements: [
        {
          ...base.statements[0]!,
          text: { sv: 'Skolan; inte "marknaden",\nsa de', en: 'School; not "the market"' },
        },
      ],
      parties: [{ ...base.parties[0]!, name: 'Parti; med semikolon' }],
    };
    const counts = { '-1': 1, '-0.5': 1, '0': 1, '0.5': 1, '1': 1, skip: 0, important: 0 };
    const csv = classResultCsv(
      compass,
      {
        compass: compass.id,
        version: compass.version,
        submissions: 5,
        statements: { s1: counts },
        parties: { p: { meanPercent: 50, first: 1 } },
      },
      'sv',
      'excel-sv',
    );
    expect(csv).toBe(
      '\uFEFF' +
        [
          'statement;text;-1;-0,5;0;0,5;1;skip;important',
          's1;"Skolan; inte ""marknaden"",\nsa de";1;1;1;1;1;0;0',
          '',
          'party;name;meanPercent;first',
          'p;"Parti; med semikolon";50;1',
        ].join('\r\n') +
        '\r\n',
    );
  });
});
