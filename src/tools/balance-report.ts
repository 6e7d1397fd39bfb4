import type { Compass, Position } from '../domain/bank/types.ts';
import { POSITIONS } from '../domain/bank/types.ts';
import { percentHalfUp } from '../domain/scoring/exact.ts';
import { scoreVoter } from '../domain/scoring/score-voter.ts';
import { measureRandomVoters, RANDOM_VOTER_SEED } from './random-voters.ts';

/** n of d as a whole percent, rounded once and exactly (the engine's rounding). */
const pct = (n: number, d: number): string => `${percentHalfUp(n, d)} %`;
/** A share 0..1 as a Swedish percentage with one decimal: 0,173 → "17,3 %". */
const share = (x: number): string => `${(100 * x).toFixed(1).replace('.', ',')} %`;
const fmt = (x: number | null): string => (x === null ? '–' : x.toFixed(2));
const label = (p: Position): string => (p > 0 ? `+${p}` : String(p));

/** The balance report of a bank as Markdown: the numbers reviewers need to judge fairness. */
export function renderReport(compass: Compass): string {
  const { statements, parties, themes } = compass;
  const n = statements.length;
  const stated = (partyId: string) =>
    statements.filter((s) => s.stances[partyId]!.position !== null);
  const out: string[] = [];
  out.push(`# Balansrapport: ${compass.title.sv} (${compass.id} ${compass.version})`, '');
  out.push(
    'Genererad av `npm run bank:report` ur frågebanken. Ändra inte för hand: kör kommandot igen.',
    '',
  );
  out.push(
    `${n} påståenden, ${themes.length} teman, ${parties.length} partier. Kodad ${compass.coded}.`,
    '',
  );

  out.push(
    '## Påståenden per tema',
    '',
    '| tema | påståenden | varav "less" |',
    '| --- | ---: | ---: |',
  );
  for (const theme of themes) {
    const inTheme = statements.filter((s) => s.theme === theme.id);
    out.push(
      `| ${theme.name.sv} | ${inTheme.length} | ${inTheme.filter((s) => s.direction === 'less').length} |`,
    );
  }
  out.push('');

  const less = statements.filter((s) => s.direction === 'less').length;
  out.push('## Riktning', '');
  out.push(
    `${less} av ${n} påståenden (${pct(less, n)}) är formulerade så att den som håller med vill ha mindre, striktare, billigare eller en prioritering före något annat (\`direction: less\`); regeln kräver minst ${Math.round(compass.rules.minLessShare * 100)} %.`,
    '',
  );

  out.push('## Partiernas täckning', '');
  out.push(
    'Täckning = andel påståenden där programmet tar ställning. Regeln kräver minst ' +
      `${Math.round(compass.rules.minCoverage * 100)} %.`,
    '',
  );
  out.push(
    '| parti | tar ställning | täckning | medelsäkerhet | varav underförstått (0,5) |',
    '| --- | ---: | ---: | ---: | ---: |',
  );
  for (const party of parties) {
    const own = stated(party.id);
    const meanConfidence =
      own.reduce((sum, s) => sum + s.stances[party.id]!.confidence, 0) / (own.length || 1);
    const implied = own.filter((s) => s.stances[party.id]!.confidence === 0.5).length;
    out.push(
      `| ${party.short} ${party.municipality} | ${own.length} av ${n} | ${pct(own.length, n)} | ${meanConfidence.toFixed(2)} | ${implied} |`,
    );
  }
  out.push('');

  out.push('## Ståndpunkternas fördelning', '');
  out.push(
    `| parti | ${POSITIONS.map(label).join(' | ')} | tyst |`,
    `| --- |${' ---: |'.repeat(POSITIONS.length + 1)}`,
  );
  for (const party of parties) {
    const counts = POSITIONS.map(
      (p) => statements.filter((s) => s.stances[party.id]!.position === p).length,
    );
    const silent = n - counts.reduce((a, b) => a + b, 0);
    out.push(`| ${party.short} | ${counts.join(' | ')} | ${silent} |`);
  }
  out.push('');

  out.push('## Påståenden och vilka partier som tar ställning', '');
  out.push(
    `| påstående | tema | riktning | ${parties.map((p) => p.short).join(' | ')} |`,
    `| --- | --- | --- |${' :---: |'.repeat(parties.length)}`,
  );
  for (const s of statements) {
    const cells = parties.map((p) => {
      const stance = s.stances[p.id]!;
      return stance.position === null
        ? '·'
        : `${label(stance.position)}${stance.confidence < 1 ? ` (${stance.confidence})` : ''}`;
    });
    out.push(`| \`${s.id}\` | ${s.theme} | ${s.direction} | ${cells.join(' | ')} |`);
  }
  out.push(
    '',
    '`·` = programmet är tyst. Siffran inom parentes är säkerheten när den är under 1.',
    '',
  );

  out.push('## Vad får en väljare som svarar likadant överallt?', '');
  out.push(
    'S = matchningen enligt standardmetoden (docs/method.md), K = täckning, M = överensstämmelse där programmet tar ställning.',
    `Ingen ska få över ${compass.rules.maxAgreeAllPercent} % genom att hålla med om allt.`,
    '',
  );
  const archetypes: [string, number][] = [
    ['Helt för överallt', 1],
    ['Helt emot överallt', -1],
    ['Varken för eller emot överallt', 0],
  ];
  out.push(
    `| väljare | ${parties.map((p) => p.short).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(parties.length)}`,
  );
  for (const [name, value] of archetypes) {
    const result = scoreVoter(compass, {
      answers: Object.fromEntries(statements.map((s) => [s.id, { answer: value as Position }])),
    });
    if (result.status !== 'ok') throw new Error('a voter who answers everything must get a result');
    const byParty = new Map(result.parties.map((m) => [m.party, m]));
    const cells = parties.map((p) => {
      const m = byParty.get(p.id)!;
      return `${m.percent} % (K ${fmt(m.coverage)}, M ${fmt(m.agreement)})`;
    });
    out.push(`| ${name} | ${cells.join(' | ')} |`);
  }
  out.push('');

  const skips = [0, 0.1, 0.3];
  const figures = skips.map((skipped) => measureRandomVoters(compass, skipped));
  const voters = figures[0]!.voters;
  out.push('## Vad ser slumpmässiga väljare?', '');
  out.push(
    `${voters} simulerade väljare per rad svarar helt slumpmässigt (alla fem svar lika troliga, vart femte svar markerat som viktigt) och hoppar över varje påstående med den sannolikhet raden anger. Fröet är ${RANDOM_VOTER_SEED}, så siffrorna går att återskapa. Ett rättvist frågebatteri ger varje parti ungefär lika ofta förstaplatsen; en delad förstaplats räknas som en del till vart och ett av partierna.`,
    '',
    `| överhoppade | ${parties.map((p) => `${p.short} först`).join(' | ')} | alla partier rangordnade |`,
    `| ---: |${' ---: |'.repeat(parties.length + 1)}`,
  );
  for (const f of figures)
    out.push(
      `| ${Math.round(100 * f.skipped)} % | ${parties.map((p) => share(f.first[p.id]!)).join(' | ')} | ${share(f.allRanked)} |`,
    );
  out.push(
    '',
    'Ett parti får en placering när programmet tar ställning i minst 3 av väljarens besvarade påståenden och i minst en fjärdedel av dem (vanliga antal, inte viktade med säkerhet eller vikt).',
    '',
  );
  return out.join('\n');
}
