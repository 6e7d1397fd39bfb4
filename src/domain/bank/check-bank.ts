import { lookUpQuote, MIN_QUOTE_LENGTH, prepareProgramme, type Programme } from './quotes.ts';
import type { BankIssue, Compass } from './types.ts';

/**
 * The cross rules of a bank, over a compass that already has the right shape:
 * unique ids, known themes, parties and terms, silence coded consistently, quotes verbatim in
 * the right programme. The compass's content rules (coverage, balance, identical vectors, each
 * language in every text or in none) are in check-content.ts: they run at build time only, so the
 * browser does not load the engine for them.
 *
 * @param programmes raw programme text by party id; when a party's text is missing its
 *   quotes are not checked (the browser does not load programmes just to validate).
 */
export function checkBank(
  compass: Compass,
  programmes: Readonly<Record<string, string>> = {},
): BankIssue[] {
  const issues: BankIssue[] = [];
  const report = (path: readonly (string | number)[], message: string) =>
    issues.push({ path, message });

  const unique = (list: readonly { id: string }[], key: string, what: string) => {
    const seen = new Set<string>();
    list.forEach((item, i) => {
      if (seen.has(item.id))
        report(
          [key, i, 'id'],
          `${what} id "${item.id}" is used twice; give each ${what} its own id`,
        );
      seen.add(item.id);
    });
  };
  unique(compass.themes, 'themes', 'theme');
  unique(compass.parties, 'parties', 'party');
  unique(compass.statements, 'statements', 'statement');
  unique(compass.glossary, 'glossary', 'glossary');

  const themeIds = new Set(compass.themes.map((t) => t.id));
  const partyIds = compass.parties.map((p) => p.id);
  const termIds = new Set(compass.glossary.map((g) => g.id));

  const prepared = new Map<string, Programme>();
  compass.parties.forEach((party, i) => {
    const raw = programmes[party.id];
    if (raw === undefined) return;
    const programme = prepareProgramme(raw, party.source.boilerplate);
    prepared.set(party.id, programme);
    for (const passage of programme.missingBoilerplate) {
      const b = party.source.boilerplate.indexOf(passage);
      report(
        ['parties', i, 'source', 'boilerplate', b],
        `party "${party.id}": boilerplate passage "${passage}" is not in ${party.source.file}; copy it exactly or remove it`,
      );
    }
  });

  compass.statements.forEach((statement, si) => {
    const at = (...rest: (string | number)[]) => ['statements', si, ...rest];
    const name = `statement "${statement.id}"`;
    if (!themeIds.has(statement.theme))
      report(
        at('theme'),
        `${name}: theme "${statement.theme}" is not defined; use one of ${[...themeIds].join(', ')} or add it to compass.yaml`,
      );
    statement.terms.forEach((term, ti) => {
      if (!termIds.has(term))
        report(
          at('terms', ti),
          `${name}: glossary term "${term}" is not in glossary.yaml; add it there or fix the id`,
        );
    });
    for (const partyId of Object.keys(statement.stances)) {
      if (!partyIds.includes(partyId))
        report(
          at('stances', partyId),
          `${name}: unknown party "${partyId}"; use one of ${partyIds.join(', ')} (parties.yaml)`,
        );
    }
    for (const partyId of partyIds) {
      const stance = statement.stances[partyId];
      if (stance === undefined) {
        report(
          at('stances'),
          `${name}: party "${partyId}" has no stance; write "${partyId}: { position: null, confidence: 0 }" if its programme is silent`,
        );
        continue;
      }
      const here = (...rest: (string | number)[]) => at('stances', partyId, ...rest);
      const who = `${name}: party "${partyId}"`;
      if (stance.position === null) {
        if (stance.confidence !== 0)
          report(here('confidence'), `${who} is silent (position null), so confidence must be 0`);
        if (stance.quotes.length > 0)
          report(
            here('quotes'),
            `${who} is silent (position null) but has quotes; give it a position or remove the quotes`,
          );
        continue;
      }
      if (stance.confidence === 0)
        report(
          here('confidence'),
          `${who} has a position but confidence 0; use 1, 0.75 or 0.5, or position null if silent`,
        );
      if (stance.quotes.length === 0)
        report(
          here('quotes'),
          `${who} has a position but no quote; no quote, no position: add a verbatim quote or set position null`,
        );
      if (stance.rationale === '')
        report(
          here('rationale'),
          `${who} has a position but no rationale; add one sentence on why the quote means this`,
        );
      stance.quotes.forEach((quote, qi) => {
        if (quote.length < MIN_QUOTE_LENGTH) {
          report(
            here('quotes', qi),
            `${who} cites "${quote}", too short to prove anything; quote a whole clause`,
          );
          return;
        }
        const own = prepared.get(partyId);
        if (own === undefined) return;
        const found = lookUpQuote(quote, own);
        if (found === 'found') return;
        if (found === 'boilerplate') {
          report(
            here('quotes', qi),
            `${who} cites website boilerplate, not programme text: "${quote}"`,
          );
          return;
        }
        const elsewhere = [...prepared].filter(
          ([id, p]) => id !== partyId && lookUpQuote(quote, p) === 'found',
        );
        const hint =
          elsewhere.length > 0
            ? ` (it is in the programme of ${elsewhere.map(([id]) => `"${id}"`).join(', ')}: wrong party?)`
            : '; copy it character for character from the programme (only whitespace may differ)';
        report(
          here('quotes', qi),
          `${who} cites a quote that is not in its programme${hint}: "${quote}"`,
        );
      });
    }
    const anyStated = partyIds.some((p) => (statement.stances[p]?.position ?? null) !== null);
    if (!anyStated && partyIds.length > 0)
      report(
        at('id'),
        `${name}: no party takes a stand on it; a statement nobody addresses cannot separate parties, so drop or rewrite it`,
      );
  });

  return issues;
}
