/**
 * What a teacher learns about one pupil when the pupil's submission is isolated (the Sybil attack:
 * the teacher sends scripted submissions of their own and subtracts them, or compares the class
 * with the class minus one). Isolated, the teacher holds exactly the categories the pupil's
 * browser sent, after randomized response. This measures, for simulated pupils on a real
 * compass, how often the teacher's best reading of them is right, against guessing without them:
 *
 * - each statement: the sent category is the pupil's own with probability 0.7 (p = 0.4); the
 *   guess without the submission is the category most pupils of the simulated kind have;
 * - every statement at once: all sent categories right;
 * - the top party: the party the sent categories agree with most (the class-profile method with
 *   one submission), against the pupil's own first party from their true five-point answers;
 *   without the submission, guessing the party most pupils of the kind have first.
 *
 * `npm run privacy:classroom` prints the figures as a table; docs/klassrum.md shows it and
 * classroom-privacy.test.ts checks that the two agree. Deterministic for a seed.
 */
import { pathToFileURL } from 'node:url';
import type { Compass } from '../domain/bank/types.ts';
import {
  CATEGORIES,
  type Category,
  CATEGORY_POSITIONS,
  categoryOf,
  profileScores,
  RANDOMIZATION_P,
  randomizedSubmission,
  type Ratio,
} from '../domain/classroom/index.ts';
import { scoreVoter, type Voter } from '../domain/scoring/index.ts';
import { loadValidBank } from './load-bank.ts';
import { seeded, simulateVoters } from './robustness-report.ts';

export const PRIVACY_SEED = 20261207;

/** Figures for one kind of simulated pupil. */
export interface IsolatedPupilFigures {
  readonly kind: 'random' | 'party-like';
  readonly pupils: number;
  /** Share of statements whose sent category is the pupil's own. */
  readonly statementRead: number;
  /** Share of statements guessed right without the submission (the kind's most common category). */
  readonly statementChance: number;
  /** Share of pupils whose every sent category is their own. */
  readonly allRead: number;
  /** Share of pupils whose first party (from their own answers) the teacher names from the sent categories. */
  readonly topPartyRead: number;
  /** Share named right without the submission (the kind's most common first party). */
  readonly topPartyChance: number;
  /** One in this many: naming a party uniformly at random. */
  readonly parties: number;
}

const QUARTER: Readonly<Record<Exclude<Category, 'hoppade-over'>, Ratio>> = {
  emot: { numerator: CATEGORY_POSITIONS.emot * 4, denominator: 4 },
  varken: { numerator: 0, denominator: 1 },
  for: { numerator: CATEGORY_POSITIONS.for * 4, denominator: 4 },
};

/** The pupil's own first parties (a tie gives several), from the engine on their true answers. */
function ownTop(compass: Compass, voter: Voter): readonly string[] {
  const result = scoreVoter(compass, voter);
  return result.status === 'ok' ? result.stability.top : [];
}

/** The party the teacher names from the sent categories: first in the one-submission profile. */
function namedTop(compass: Compass, categories: Readonly<Record<string, Category>>): string | null {
  const positions = Object.fromEntries(
    compass.statements.map((s) => {
      const c = categories[s.id]!;
      return [s.id, c === 'hoppade-over' ? null : QUARTER[c]];
    }),
  );
  return profileScores(compass, positions)?.parties.find((p) => p.rank === 1)?.party ?? null;
}

const mostCommonShare = (counts: ReadonlyMap<string, number>, total: number): number =>
  Math.max(0, ...counts.values()) / total;

const bump = (counts: Map<string, number>, key: string) =>
  counts.set(key, (counts.get(key) ?? 0) + 1);

/** Measures both kinds of simulated pupil (`perKind` of each) on a compass. */
export function measureIsolatedPupil(
  compass: Compass,
  perKind = 2000,
  seed = PRIVACY_SEED,
): IsolatedPupilFigures[] {
  const random = seeded(seed);
  const randomInt = (bound: number) => Math.floor(random() * bound);
  const pupils = simulateVoters(compass, perKind, random);
  return (['random', 'party-like'] as const).map((kind) => {
    const own = pupils.filter((p) => p.kind === kind);
    let statementRead = 0;
    let allRead = 0;
    let topPartyRead = 0;
    const categoryCounts = compass.statements.map(() => new Map<string, number>());
    const topCounts = new Map<string, number>();
    for (const { voter } of own) {
      const sent = randomizedSubmission(
        compass.statements,
        voter.answers,
        RANDOMIZATION_P,
        randomInt,
      );
      let all = true;
      compass.statements.forEach((s, i) => {
        const truth = categoryOf(voter.answers[s.id]?.answer);
        bump(categoryCounts[i]!, truth);
        if (sent.categories[s.id] === truth) statementRead++;
        else all = false;
      });
      if (all) allRead++;
      const top = ownTop(compass, voter);
      for (const party of top) topCounts.set(party, (topCounts.get(party) ?? 0) + 1 / top.length);
      const named = namedTop(compass, sent.categories);
      if (named !== null && top.includes(named)) topPartyRead++;
    }
    const statements = own.length * compass.statements.length;
    const chanceRight = categoryCounts.reduce(
      (sum, counts) => sum + Math.max(0, ...CATEGORIES.map((c) => counts.get(c) ?? 0)),
      0,
    );
    return {
      kind,
      pupils: own.length,
      statementRead: statementRead / statements,
      statementChance: chanceRight / statements,
      allRead: allRead / own.length,
      topPartyRead: topPartyRead / own.length,
      topPartyChance: mostCommonShare(topCounts, own.length),
      parties: compass.parties.length,
    };
  });
}

/** A share as Swedish whole percent, as docs/klassrum.md writes it ("70 %"). */
export const percent = (x: number): string => `${Math.round(100 * x)} %`;

/** The table docs/klassrum.md shows: a header and one row per kind of pupil, cell by cell. */
export function privacyTable(figures: readonly IsolatedPupilFigures[]): string[][] {
  const some = (x: number) => (x < 0.005 ? 'under 1 %' : percent(x));
  return [
    [
      'elever',
      'ett svar rätt',
      'gissat utan inskicket',
      'alla svar rätt',
      'förstapartiet rätt',
      'gissat utan inskicket',
      'på måfå',
    ],
    ...figures.map((f) => [
      f.kind === 'random' ? 'som svarar på måfå' : 'som liknar ett parti',
      percent(f.statementRead),
      percent(f.statementChance),
      some(f.allRead),
      percent(f.topPartyRead),
      percent(f.topPartyChance),
      percent(1 / f.parties),
    ]),
  ];
}

/** The cells of every row of the Markdown tables in a text (separator rows left out). */
export function markdownTableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\s*\|[\s|:-]+\|\s*$/.test(line))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const compass = loadValidBank('questions/socialpolitik');
  const [header, ...rows] = privacyTable(measureIsolatedPupil(compass));
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  console.log([line(header!), line(header!.map(() => '---')), ...rows.map(line)].join('\n'));
}
