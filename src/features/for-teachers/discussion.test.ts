import { describe, expect, it } from 'vitest';
import type { Compass, Position, Stance } from '../../domain/bank/types.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { loadValidBank } from '../../tools/load-bank.ts';
import {
  SENSITIVE_THEMES,
  sensitiveStatements,
  statedCounts,
  themeDiscussions,
} from './discussion.ts';

const bank = loadValidBank('questions/socialpolitik');

const stated = (
  position: Position,
  confidence: 0.5 | 0.75 | 1 = 1,
  quote = `q${position}`,
): Stance => ({
  position,
  confidence,
  quotes: [quote],
  rationale: 'r',
});
const silent: Stance = { position: null, confidence: 0, quotes: [], rationale: '' };

/** The widest gap between two stated positions on a statement, in half steps, computed naively. */
const widest = (compass: Compass, statementId: string) => {
  const statement = compass.statements.find((s) => s.id === statementId)!;
  const positions = Object.values(statement.stances).flatMap((s) =>
    s.position === null ? [] : [s.position],
  );
  return positions.length < 2 ? null : (Math.max(...positions) - Math.min(...positions)) * 2;
};

describe('themeDiscussions on the real bank (socialpolitik)', () => {
  const themes = themeDiscussions(bank);

  it('has every theme, in order, with all its statements as questions', () => {
    expect(themes.map((t) => t.theme.id)).toEqual(bank.themes.map((t) => t.id));
    expect(themes.flatMap((t) => t.questions.map((q) => q.statement.id))).toEqual(
      bank.themes.flatMap((theme) =>
        bank.statements.filter((s) => s.theme === theme.id).map((s) => s.id),
      ),
    );
    for (const theme of themes)
      for (const q of theme.questions) {
        expect(q.stated.length + q.silent.length).toBe(bank.parties.length);
        for (const party of q.silent) expect(q.statement.stances[party.id]!.position).toBeNull();
        for (const party of q.stated)
          expect(q.statement.stances[party.id]!.position).not.toBeNull();
      }
  });

  it('compares the two parties furthest apart, never a silent one, with their own quotes', () => {
    for (const { theme, comparison, questions } of themes) {
      const gaps = questions.map((q) => widest(bank, q.statement.id));
      if (gaps.every((gap) => gap === null)) {
        expect(comparison, theme.id).toBeNull();
        continue;
      }
      expect(comparison, theme.id).not.toBeNull();
      const { statement, first, second, steps, silent: quiet } = comparison!;
      expect(statement.theme).toBe(theme.id);
      expect(steps).toBe(Math.max(...gaps.filter((g) => g !== null)));
      expect(first.party.id).not.toBe(second.party.id);
      expect(first.position).toBeGreaterThanOrEqual(second.position);
      for (const side of [first, second]) {
        const stance = statement.stances[side.party.id]!;
        expect(stance.position).toBe(side.position);
        expect(stance.quotes).toContain(side.quote);
      }
      for (const party of quiet) expect(statement.stances[party.id]!.position).toBeNull();
      expect(quiet.map((p) => p.id)).not.toContain(first.party.id);
    }
  });

  it('picks the pairs a teacher would expect on the real bank', () => {
    const byTheme = new Map(themes.map((t) => [t.theme.id, t.comparison]));
    // Gangs: L partly for "first of all the police", V partly against: two steps apart.
    const gangs = byTheme.get('tidiga-insatser')!;
    expect(gangs.statement.id).toBe('gang-polisens-uppgift');
    expect([gangs.first.party.id, gangs.second.party.id]).toEqual(['l', 'v']);
    expect(gangs.steps).toBe(2);
    // Women's shelters: V fully for, S partly for (explicit, so before MP's general one).
    const shelters = byTheme.get('vald-heder')!;
    expect(shelters.statement.id).toBe('kvinnojourer');
    expect([shelters.first.party.id, shelters.second.party.id]).toEqual(['v', 's']);
    expect(shelters.silent.map((p) => p.id)).toEqual(['c', 'l']);
    // Refugees: no statement with two programmes that take a stand.
    expect(byTheme.get('nyanlanda')).toBeNull();
  });
});

describe('sensitive topics', () => {
  it('lists the statements of the three sensitive themes of the real bank', () => {
    const sensitive = sensitiveStatements(bank);
    expect(sensitive.map((s) => s.theme.id)).toEqual([
      'vald-heder',
      'missbruk-psykisk',
      'nyanlanda',
    ]);
    expect(sensitive.flatMap((s) => s.statements.map((st) => st.id)).sort()).toEqual(
      bank.statements
        .filter((s) => SENSITIVE_THEMES.includes(s.theme))
        .map((s) => s.id)
        .sort(),
    );
    expect(sensitive.flatMap((s) => s.statements).length).toBeGreaterThan(5);
    expect(
      themeDiscussions(bank)
        .filter((t) => t.sensitive)
        .map((t) => t.theme.id),
    ).toEqual(['vald-heder', 'missbruk-psykisk', 'nyanlanda']);
  });

  it('is empty for a compass without those themes', () => {
    const compass = buildCompass({
      parties: [{ id: 'a' }],
      statements: [{ id: 'x', theme: 'kultur', stances: { a: stated(1) } }],
    });
    expect(sensitiveStatements(compass)).toEqual([]);
    expect(themeDiscussions(compass).every((t) => !t.sensitive)).toBe(true);
  });

  it('leaves out a sensitive theme that has no statements', () => {
    const compass = buildCompass({
      parties: [{ id: 'a' }],
      themes: ['vald-heder', 'kultur'],
      statements: [{ id: 'x', theme: 'kultur', stances: { a: stated(1) } }],
    });
    expect(sensitiveStatements(compass)).toEqual([]);
    expect(themeDiscussions(compass).map((t) => t.theme.id)).toEqual(['kultur']);
  });
});

describe('the party-vs-party comparison on built compasses', () => {
  const parties = [{ id: 'a' }, { id: 'b' }, { id: 'c' }, { id: 'd' }];

  it('takes the statement with the widest gap, and there the highest and the lowest party', () => {
    const compass = buildCompass({
      parties,
      statements: [
        { id: 'near', stances: { a: stated(1), b: stated(0.5), c: silent, d: silent } },
        { id: 'far', stances: { a: silent, b: stated(-1), c: stated(0), d: stated(1) } },
      ],
    });
    const [theme] = themeDiscussions(compass);
    const comparison = theme!.comparison!;
    expect(comparison.statement.id).toBe('far');
    expect(comparison.first.party.id).toBe('d');
    expect(comparison.first.position).toBe(1);
    expect(comparison.second.party.id).toBe('b');
    expect(comparison.second.position).toBe(-1);
    expect(comparison.steps).toBe(4);
    expect(comparison.silent.map((p) => p.id)).toEqual(['a']);
    expect(comparison.first.quote).toBe('q1');
  });

  it('breaks ties by how explicit the positions are, then by the bank order', () => {
    const compass = buildCompass({
      parties,
      statements: [
        { id: 'implied', stances: { a: stated(1, 0.5), b: stated(0, 0.5) } },
        { id: 'explicit', stances: { a: stated(1, 1), b: stated(0, 0.75), c: stated(0, 1) } },
        { id: 'also-explicit', stances: { a: stated(1, 1), b: stated(0, 1) } },
      ],
    });
    const comparison = themeDiscussions(compass)[0]!.comparison!;
    expect(comparison.statement.id).toBe('explicit');
    // Two parties share the lowest position: the explicit one (c) before the general one (b).
    expect(comparison.second.party.id).toBe('c');
    expect(comparison.steps).toBe(2);
  });

  it('compares two agreeing parties when no one in the theme disagrees', () => {
    const compass = buildCompass({
      parties,
      statements: [{ id: 'same', stances: { a: stated(0.5), b: stated(0.5, 0.75), c: silent } }],
    });
    const comparison = themeDiscussions(compass)[0]!.comparison!;
    expect(comparison.steps).toBe(0);
    expect([comparison.first.party.id, comparison.second.party.id]).toEqual(['a', 'b']);
    expect(comparison.silent.map((p) => p.id)).toEqual(['c', 'd']);
  });

  it('has no comparison when at most one programme takes a stand on each statement', () => {
    const compass = buildCompass({
      parties,
      statements: [
        { id: 'one', stances: { a: stated(1), b: silent } },
        { id: 'none', stances: { a: silent, b: silent } },
      ],
    });
    const [theme] = themeDiscussions(compass);
    expect(theme!.comparison).toBeNull();
    expect(theme!.questions.map((q) => q.stated.map((p) => p.id))).toEqual([['a'], []]);
  });

  it('never counts a silent party as having a position, even with a stray confidence', () => {
    const compass = buildCompass({
      parties,
      statements: [
        {
          id: 'x',
          stances: {
            a: stated(1),
            b: { position: -1, confidence: 0 as never, quotes: [], rationale: '' },
            c: stated(0.5),
          },
        },
      ],
    });
    const comparison = themeDiscussions(compass)[0]!.comparison!;
    expect([comparison.first.party.id, comparison.second.party.id]).toEqual(['a', 'c']);
    expect(comparison.silent.map((p) => p.id)).toEqual(['b', 'd']);
  });
});

describe('statedCounts', () => {
  it('counts the statements each programme takes a stand on', () => {
    const counts = statedCounts(bank);
    expect(counts.map((c) => c.party.id)).toEqual(bank.parties.map((p) => p.id));
    for (const { party, stated: n } of counts)
      expect(n).toBe(bank.statements.filter((s) => s.stances[party.id]!.position !== null).length);
    // Miljöpartiet's programme takes a stand on 11 of the 32 (docs/method.md).
    expect(counts.find((c) => c.party.id === 'mp')!.stated).toBe(11);
  });
});
