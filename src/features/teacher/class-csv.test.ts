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
  it('quotes only what RFC 4180 requires, doubling quotes', () => {
    expect(csvField('plain text')).toBe('plain text');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvField('line\nfeed')).toBe('"line\nfeed"');
    expect(csvField(-0.5)).toBe('-0.5');
    expect(csvField(null)).toBe('');
  });
});

describe('classResultCsv', () => {
  it('writes the statements in compass order, then the parties, with a BOM and CRLF', () => {
    expect(classResultCsv(demoCompass, figures, 'sv')).toBe(
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
    );
    expect(csv.split('\r\n')[1]).toBe('s1,"School, not ""the market""",1,1,1,1,1,0,0');
  });
});
