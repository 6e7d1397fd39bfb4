import type { Compass, Position } from '../domain/bank/types.ts';
import { POSITIONS } from '../domain/bank/types.ts';
import type { KindShares, RobustnessFigures } from '../domain/method/figures.ts';
import type {
  MethodScore,
  ScoringOptions,
  StabilityLabel,
  Voter,
  VoterAnswer,
} from '../domain/scoring/index.ts';
import { scoreVoter } from '../domain/scoring/index.ts';
import { randomAnswers, seeded } from '../domain/workbench/random-voters.ts';

// The seeded generator and uniformly random answers are the engine's (the balance panel draws
// the same numbers in the browser); re-exported for the tools that take them from here.
export { randomAnswers, seeded };

export interface Simulated {
  readonly kind: 'random' | 'party-like';
  /** The party a party-like voter imitates. */
  readonly model?: string;
  readonly voter: Voter;
}

const pick = <T>(random: () => number, list: readonly T[]): T =>
  list[Math.floor(random() * list.length)]!;

/**
 * Simulated voters: random ones (uniform answers, 10 % skipped, 20 % important) and party-like
 * ones (the party's position where it states one, random where it is silent, then noise: each
 * answer moves half a step with probability 0.3).
 */
export function simulateVoters(
  compass: Compass,
  perKind: number,
  random: () => number,
): Simulated[] {
  const voters: Simulated[] = [];
  for (let n = 0; n < perKind; n++) {
    voters.push({ kind: 'random', voter: { answers: randomAnswers(compass, 0.1, random) } });
  }
  for (let n = 0; n < perKind; n++) {
    const model = compass.parties[n % compass.parties.length]!.id;
    const answers: Record<string, VoterAnswer> = {};
    for (const s of compass.statements) {
      const p = s.stances[model]!.position;
      let v: number = p ?? pick(random, POSITIONS);
      if (random() < 0.3) v = Math.max(-1, Math.min(1, v + (random() < 0.5 ? -0.5 : 0.5)));
      answers[s.id] = { answer: v as Position, important: random() < 0.2 };
    }
    voters.push({ kind: 'party-like', model, voter: { answers } });
  }
  return voters;
}

const topOf = (compass: Compass, voter: Voter, options: ScoringOptions = {}): string =>
  (() => {
    const r = scoreVoter(compass, voter, options);
    return r.status === 'ok' ? [...r.stability.top].sort().join('+') : '';
  })();

const methodTop = (scores: readonly MethodScore[]): string =>
  scores
    .filter((m) => m.rank === 1)
    .map((m) => m.party)
    .sort()
    .join('+');

function dropRandom(compass: Compass, voter: Voter, count: number, random: () => number): Voter {
  const answered = compass.statements
    .filter((s) => voter.answers[s.id]?.answer !== 'skip')
    .map((s) => s.id);
  const answers = { ...voter.answers };
  for (let k = 0; k < count && answered.length > 0; k++) {
    const [id] = answered.splice(Math.floor(random() * answered.length), 1);
    answers[id!] = { answer: 'skip' };
  }
  return { answers };
}

const share = (x: number) => `${(100 * x).toFixed(1).replace('.', ',')} %`;

/** The robustness report of a compass, as Markdown (deterministic for a given seed). */
export const ROBUSTNESS_SEED = 20261123;

/** Simulates voters and measures how often the top of the ranking changes (deterministic). */
export function measureRobustness(
  compass: Compass,
  perKind = 1000,
  seed = ROBUSTNESS_SEED,
): RobustnessFigures {
  const random = seeded(seed);
  const voters = simulateVoters(compass, perKind, random);
  type Row = Record<Simulated['kind'], number>;
  const count = (): Row => ({ random: 0, 'party-like': 0 });
  const changed = {
    drop1: count(),
    drop3: count(),
    c25: count(),
    c75: count(),
    statedOnly: count(),
    wahlOMat: count(),
  };
  const noTop = count();
  const tau: Record<StabilityLabel, Row> = {
    stable: count(),
    'fairly-stable': count(),
    sensitive: count(),
  };
  let modelFirst = 0;
  for (const { kind, model, voter } of voters) {
    const result = scoreVoter(compass, voter);
    if (result.status !== 'ok') continue;
    const top = [...result.stability.top].sort().join('+');
    if (top === '') noTop[kind]++;
    if (result.stability.label) tau[result.stability.label][kind]++;
    if (model !== undefined && result.stability.top.includes(model)) modelFirst++;
    if (topOf(compass, dropRandom(compass, voter, 1, random)) !== top) changed.drop1[kind]++;
    if (topOf(compass, dropRandom(compass, voter, 3, random)) !== top) changed.drop3[kind]++;
    if (topOf(compass, voter, { impliedConfidence: 0.25 }) !== top) changed.c25[kind]++;
    if (topOf(compass, voter, { impliedConfidence: 0.75 }) !== top) changed.c75[kind]++;
    if (methodTop(result.methods.statedOnly) !== top) changed.statedOnly[kind]++;
    if (methodTop(result.methods.wahlOMat) !== top) changed.wahlOMat[kind]++;
  }
  const shares = (r: Row): KindShares => ({
    random: r.random / perKind,
    partyLike: r['party-like'] / perKind,
  });
  const map = <K extends string>(o: Record<K, Row>) =>
    Object.fromEntries(Object.entries<Row>(o).map(([k, r]) => [k, shares(r)])) as Record<
      K,
      KindShares
    >;
  return {
    perKind,
    seed,
    changed: map(changed),
    stability: map(tau),
    noTop: shares(noTop),
    modelFirst: modelFirst / perKind,
  };
}

export function renderRobustness(compass: Compass, perKind = 1000, seed = ROBUSTNESS_SEED): string {
  const f = measureRobustness(compass, perKind, seed);
  const { changed } = f;
  const tau = f.stability;
  const row = (label: string, r: KindShares) =>
    `| ${label} | ${share(r.random)} | ${share(r.partyLike)} |`;
  const out = [
    `# Robusthet: ${compass.title.sv} (${compass.id} ${compass.version})`,
    '',
    'Genererad av `npm run robustness`. Ändra inte för hand: kör kommandot igen.',
    '',
    `Simulerade väljare: ${perKind} slumpmässiga (jämnt fördelade svar, 10 % överhoppade, 20 % viktiga) och ${perKind} partilika (svarar som ett av partierna där programmet tar ställning, slumpmässigt där det är tyst, och flyttar varje svar ett halvsteg med sannolikheten 0,3). Fröet är ${seed}, så siffrorna går att återskapa.`,
    '',
    '"Toppen" är mängden partier på första plats (flera vid delad placering, ingen om inget parti får en placering). Tabellen visar hur ofta toppen blir en annan.',
    '',
    '| förändring | slumpmässiga väljare | partilika väljare |',
    '| --- | ---: | ---: |',
    row('1 slumpvis påstående tas bort', changed.drop1),
    row('3 slumpvisa påståenden tas bort', changed.drop3),
    row('underförstådda ståndpunkter väger 0,25 i stället för 0,5', changed.c25),
    row('underförstådda ståndpunkter väger 0,75 i stället för 0,5', changed.c75),
    row('metoden "bara där programmet tar ställning" (M)', changed.statedOnly),
    row('Wahl-O-Mat-metoden (2/1/0 poäng)', changed.wahlOMat),
    '',
    '## Stabilitet enligt standardmetoden',
    '',
    '| stabilitet (lämna-ett-utanför) | slumpmässiga | partilika |',
    '| --- | ---: | ---: |',
    row('stabilt (τ = 1)', tau.stable),
    row('ganska stabilt (0,75 ≤ τ < 1)', tau['fairly-stable']),
    row('känsligt (τ < 0,75)', tau.sensitive),
    row('inget parti får en placering', f.noTop),
    '',
    `Partilika väljare som får "sitt" parti på första plats (delad förstaplats räknas): ${share(f.modelFirst)}.`,
    '',
    'Så läser du siffrorna: ju oftare toppen ändras när ett enda påstående tas bort, desto mer beror resultatet på enskilda frågor. Skillnaden mellan metoderna visar hur mycket själva räknesättet avgör, inte bara åsikterna (jämför Louwerse & Rosema 2014).',
    '',
  ];
  return out.join('\n');
}
