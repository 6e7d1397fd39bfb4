import { describe, expect, it } from 'vitest';
import { packTerm, termAgreed, termCovered, termPoints, termStated, termWahlOMat } from './term.ts';

const unpack = (x: number) => ({
  points: termPoints(x),
  covered: termCovered(x),
  agreed: termAgreed(x),
  stated: termStated(x),
  wahlOMat: termWahlOMat(x),
});

describe('packed terms', () => {
  it('packs a silent cell as half agreement, no coverage, neutral for Wahl-O-Mat', () => {
    // e = ½ → 16e = 8 per unit of weight; Wahl-O-Mat: silence is neutral, 1 point unless the
    // answer is neutral too (2 points).
    expect(unpack(packTerm(1, 2, null, 0))).toEqual({
      points: 8,
      covered: 0,
      agreed: 0,
      stated: 0,
      wahlOMat: 1,
    });
    expect(unpack(packTerm(2, 0, null, 0))).toEqual({
      points: 16,
      covered: 0,
      agreed: 0,
      stated: 0,
      wahlOMat: 4,
    });
  });

  it('packs a firm, identical, important cell at every field’s maximum', () => {
    expect(unpack(packTerm(2, 2, 2, 4))).toEqual({
      points: 32,
      covered: 8,
      agreed: 32,
      stated: 1,
      wahlOMat: 4,
    });
  });

  it('packs an implied position half a scale away', () => {
    // v = +1, p = 0 (c = ½): a = ½, e = ½·½ + ½·½ = ½ → 16e = 8; 4c = 2; 4c·4a = 2·2 = 4.
    expect(unpack(packTerm(1, 2, 0, 2))).toEqual({
      points: 8,
      covered: 2,
      agreed: 4,
      stated: 1,
      wahlOMat: 1,
    });
  });

  it('round-trips every field independently over the whole input space', () => {
    for (const w of [1, 2])
      for (let v2 = -2; v2 <= 2; v2++)
        for (const p2 of [null, -2, -1, 0, 1, 2])
          for (const c4 of [2, 3, 4]) {
            const t = unpack(packTerm(w, v2, p2, c4));
            if (p2 === null) {
              expect(t).toEqual({
                points: 8 * w,
                covered: 0,
                agreed: 0,
                stated: 0,
                wahlOMat: w * (v2 === 0 ? 2 : 1),
              });
              continue;
            }
            const a4 = 4 - Math.abs(v2 - p2);
            expect(t).toEqual({
              points: w * (c4 * a4 + 2 * (4 - c4)),
              covered: w * c4,
              agreed: w * c4 * a4,
              stated: 1,
              wahlOMat: w * (2 - Math.abs(Math.sign(v2) - Math.sign(p2))),
            });
          }
  });
});
