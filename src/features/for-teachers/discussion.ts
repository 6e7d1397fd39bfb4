import type {
  Compass,
  Confidence,
  Party,
  Position,
  Statement,
  Theme,
} from '../../domain/bank/types.ts';

/**
 * Themes whose statements may touch pupils' own lives: violence at home and honour-related
 * oppression, addiction and mental illness, refugees. Theme ids of the socialpolitik compass
 * (questions/socialpolitik/compass.yaml); a compass without them simply has no sensitive themes.
 */
export const SENSITIVE_THEMES: readonly string[] = ['vald-heder', 'missbruk-psykisk', 'nyanlanda'];

/** One party's coded stand on a statement: only ever a stated position, never silence. */
export interface Side {
  readonly party: Party;
  readonly position: Position;
  readonly confidence: Confidence;
  /** The first verbatim quote behind the position (Swedish), when the bank has one. */
  readonly quote: string | undefined;
}

/** Two parties with stated positions on one statement, as far apart as the theme allows. */
export interface Comparison {
  readonly statement: Statement;
  /** The side further towards "helt för" (on a tie, the more confident one, then compass order). */
  readonly first: Side;
  readonly second: Side;
  /** Steps apart on the five-point scale: 0 (the same position) … 4 (helt för vs helt emot). */
  readonly steps: number;
  /** Parties whose programme says nothing on the statement: no stated position. */
  readonly silent: readonly Party[];
}

/** A statement put to the class, with which programmes take a stand on it. */
export interface Question {
  readonly statement: Statement;
  readonly stated: readonly Party[];
  readonly silent: readonly Party[];
}

export interface ThemeDiscussion {
  readonly theme: Theme;
  readonly sensitive: boolean;
  /** The theme's statements, in the bank's order. */
  readonly questions: readonly Question[];
  /** Null when no statement of the theme has two programmes that take a stand. */
  readonly comparison: Comparison | null;
}

/** The parties with a stated position on `statement`, in the compass's party order. */
function sides(compass: Compass, statement: Statement): Side[] {
  return compass.parties.flatMap((party) => {
    const stance = statement.stances[party.id];
    if (!stance || stance.position === null || stance.confidence === 0) return [];
    return [
      {
        party,
        position: stance.position,
        confidence: stance.confidence,
        quote: stance.quotes[0],
      },
    ];
  });
}

const silentParties = (compass: Compass, stated: readonly Side[]) =>
  compass.parties.filter((party) => !stated.some((side) => side.party.id === party.id));

/**
 * The two parties furthest apart on `statement`: the highest and the lowest position, each the
 * most confident of its kind (then the first in the compass). Null with fewer than two stated.
 */
function widestPair(compass: Compass, statement: Statement): Comparison | null {
  const stated = sides(compass, statement);
  if (stated.length < 2) return null;
  const order = (side: Side) => compass.parties.indexOf(side.party);
  const byConfidence = (a: Side, b: Side) => b.confidence - a.confidence || order(a) - order(b);
  const top = Math.max(...stated.map((s) => s.position));
  const bottom = Math.min(...stated.map((s) => s.position));
  const highest = stated.filter((s) => s.position === top).sort(byConfidence);
  const first = highest[0]!;
  const lowest = stated.filter((s) => s.position === bottom && s !== first).sort(byConfidence);
  const second = lowest[0]!;
  return {
    statement,
    first,
    second,
    steps: Math.round(Math.abs(first.position - second.position) * 2),
    silent: silentParties(compass, stated),
  };
}

/**
 * Of the theme's statements, the comparison with the two parties furthest apart; on a tie the
 * one whose two positions are more explicit (sum of confidences), then the first in the bank.
 */
function themeComparison(compass: Compass, statements: readonly Statement[]): Comparison | null {
  let best: Comparison | null = null;
  for (const statement of statements) {
    const pair = widestPair(compass, statement);
    if (!pair) continue;
    const weight = (c: Comparison) => c.first.confidence + c.second.confidence;
    if (
      !best ||
      pair.steps > best.steps ||
      (pair.steps === best.steps && weight(pair) > weight(best))
    )
      best = pair;
  }
  return best;
}

/**
 * Discussion material per theme, generated from the bank: every statement of the theme as a
 * question for and against, and one party-vs-party comparison. Themes without statements are
 * left out; themes keep the compass's order.
 */
export function themeDiscussions(compass: Compass): ThemeDiscussion[] {
  return compass.themes.flatMap((theme) => {
    const statements = compass.statements.filter((s) => s.theme === theme.id);
    if (statements.length === 0) return [];
    return [
      {
        theme,
        sensitive: SENSITIVE_THEMES.includes(theme.id),
        questions: statements.map((statement) => {
          const stated = sides(compass, statement);
          return {
            statement,
            stated: stated.map((side) => side.party),
            silent: silentParties(compass, stated),
          };
        }),
        comparison: themeComparison(compass, statements),
      },
    ];
  });
}

/** The statements of the compass's sensitive themes, theme by theme; empty when it has none. */
export function sensitiveStatements(
  compass: Compass,
): { readonly theme: Theme; readonly statements: readonly Statement[] }[] {
  return compass.themes
    .filter((theme) => SENSITIVE_THEMES.includes(theme.id))
    .map((theme) => ({
      theme,
      statements: compass.statements.filter((s) => s.theme === theme.id),
    }))
    .filter((entry) => entry.statements.length > 0);
}

/** How many statements each party's programme takes a stand on, in the compass's party order. */
export function statedCounts(
  compass: Compass,
): { readonly party: Party; readonly stated: number }[] {
  return compass.parties.map((party) => ({
    party,
    stated: compass.statements.filter((s) => {
      const stance = s.stances[party.id];
      return stance !== undefined && stance.position !== null && stance.confidence !== 0;
    }).length,
  }));
}
