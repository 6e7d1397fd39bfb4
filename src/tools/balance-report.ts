import { countWords, lix, median } from '../domain/bank/lix.ts';
import type { Compass, Position } from '../domain/bank/types.ts';
import { POSITIONS } from '../domain/bank/types.ts';
import { percentHalfUp } from '../domain/scoring/index.ts';
import { scoreVoter } from '../domain/scoring/index.ts';
import { partyCoverage, uniformAnswers } from '../domain/workbench/balance.ts';
import { measureRandomVoters, RANDOM_VOTER_SEED } from './random-voters.ts';

/** n of d as a whole percent, rounded once and exactly (the engine's rounding). */
const pct = (n: number, d: number): string => `${percentHalfUp(n, d)} %`;
/** A share 0..1 as a Swedish percentage with one decimal: 0,173 → "17,3 %". */
const share = (x: number): string => `${(100 * x).toFixed(1).replace('.', ',')} %`;
const fmt = (x: number | null): string => (x === null ? '–' : x.toFixed(2));
const label = (p: Position): string => (p > 0 ? `+${p}` : String(p));

/** A LIX figure or median with one decimal, Swedish style: 28.35 → "28,4". */
const lixText = (x: number): string => (Number.isNaN(x) ? '–' : x.toFixed(1).replace('.', ','));

/**
 * The section "Lättläst": LIX of each statement's regular and easy-read Swedish, the easy text's
 * word count, the medians, and the compass's rule. Empty when the compass has no easy-read text
 * and no easy-read rule.
 */
export function renderEasyRead(compass: Compass): string[] {
  const rule = compass.rules.easyRead;
  const { statements } = compass;
  if (rule === undefined && !statements.some((s) => s.easy)) return [];
  const out: string[] = ['## Lättläst', ''];
  out.push(
    'LIX (läsbarhetsindex) = ord per mening + andelen långa ord (fler än sex bokstäver) i procent. Under 30 är mycket lättläst, 40 ungefär som en vanlig nyhetstext. Ord och meningar räknas som i `src/domain/bank/lix.ts`: ett ord med bindestreck är ett ord, siffror är ord, tecken som % är inga ord.',
    '',
  );
  const rules: string[] = [];
  if (rule?.required) rules.push('varje påstående ska ha lättläst text och förklaring');
  if (rule?.maxWords !== undefined) rules.push(`lättläst text högst ${rule.maxWords} ord`);
  if (rule?.maxMedianLix !== undefined)
    rules.push(
      `median-LIX högst ${rule.maxMedianLix} för lättlästa texter och för lättlästa förklaringar`,
    );
  out.push(
    rules.length > 0
      ? `Regeln (\`rules.easyRead\` i compass.yaml): ${rules.join('; ')}.`
      : 'Kompassen har ingen regel för lättläst (`rules.easyRead` i compass.yaml).',
    '',
  );
  const withEasy = statements.filter((s) => s.easy);
  out.push(
    `${withEasy.length} av ${statements.length} påståenden har lättläst svenska.`,
    '',
    '| påstående | LIX text | LIX lättläst text | LIX förklaring | LIX lättläst förklaring | ord i lättläst text |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
  );
  const columns: number[][] = [[], [], [], [], []];
  for (const s of statements) {
    const row = [
      lix(s.text.sv),
      s.easy ? lix(s.easy.text) : Number.NaN,
      lix(s.explainer.sv),
      s.easy ? lix(s.easy.explainer) : Number.NaN,
      s.easy ? countWords(s.easy.text) : Number.NaN,
    ];
    row.forEach((x, i) => {
      if (!Number.isNaN(x)) columns[i]!.push(x);
    });
    out.push(
      `| \`${s.id}\` | ${row
        .slice(0, 4)
        .map(lixText)
        .join(' | ')} | ${Number.isNaN(row[4]!) ? '–' : String(row[4])} |`,
    );
  }
  const medians = columns.map((c) => median(c));
  out.push(
    `| **median** | ${medians
      .slice(0, 4)
      .map((m) => `**${lixText(m)}**`)
      .join(
        ' | ',
      )} | **${Number.isInteger(medians[4]) ? String(medians[4]) : lixText(medians[4]!)}** |`,
  );
  const maxWords = columns[4]!.length > 0 ? Math.max(...columns[4]!) : Number.NaN;
  out.push(
    '',
    `Längsta lättlästa text: ${Number.isNaN(maxWords) ? '–' : maxWords} ord. Hur texterna skrevs och hur betydelsen kontrollerades står i CODING.md.`,
    '',
  );
  return out;
}

/** The balance report of a bank as Markdown: the numbers reviewers need to judge fairness. */
export function renderReport(compass: Compass): string {
  const { statements, parties, themes } = compass;
  const n = statements.length;
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
  const coverage = partyCoverage(compass);
  parties.forEach((party, i) => {
    const { stated, implied, meanConfidence } = coverage[i]!;
    out.push(
      `| ${party.short} ${party.municipality} | ${stated} av ${n} | ${pct(stated, n)} | ${(meanConfidence ?? 0).toFixed(2)} | ${implied} |`,
    );
  });
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
  const archetypes: [string, Position][] = [
    ['Helt för överallt', 1],
    ['Helt emot överallt', -1],
    ['Varken för eller emot överallt', 0],
  ];
  out.push(
    `| väljare | ${parties.map((p) => p.short).join(' | ')} |`,
    `| --- |${' ---: |'.repeat(parties.length)}`,
  );
  for (const [name, value] of archetypes) {
    const result = scoreVoter(compass, { answers: uniformAnswers(compass, value) });
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
  out.push(...renderEasyRead(compass));
  return out.join('\n');
}
