import './balance.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNamespaceLanguage } from '../../../components/NamespaceGate.tsx';
import { percentHalfUp } from '../../../domain/scoring/index.ts';
import type { DraftBalance } from '../../../domain/workbench/balance.ts';
import { shareStandardError } from '../../../domain/workbench/random-voters.ts';
import { formatDecimal } from '../../../i18n/labels.ts';
import type { BalanceStatus } from './use-draft-balance.ts';

/** Numbers in the language the panel's strings are shown in (Arabic pages show English). */
function useFormat() {
  const language = useNamespaceLanguage('workbenchBalance');
  return {
    language,
    /** A share 0..1 as a percentage with one decimal, as the report writes it. */
    share: (x: number) => formatDecimal(100 * x, language, 1),
    names: (names: readonly string[]) =>
      new Intl.ListFormat(language, { type: 'conjunction' }).format(names),
  };
}

/**
 * The balance figures of a draft (`draftBalance`), for the newsroom while it edits: each party's
 * coverage, the share of "less" statements, what a yes-sayer sees, and what random voters see
 * first, each against the compass's rules, in tables with captions. `status` says whether the
 * figures are for the current version; a polite status line says "Uppdaterad" each time they are
 * recomputed (`updates` changes). Strings from the `workbenchBalance` namespace: render it inside
 * a `NamespaceGate` for it.
 */
export function BalancePanel({
  balance,
  status,
  updates,
  titled = true,
}: {
  balance: DraftBalance | null;
  status: BalanceStatus;
  updates: number;
  /** False where the page already has the heading (the editor's step): the section is labelled instead. */
  titled?: boolean;
}) {
  const { t } = useTranslation('workbenchBalance');
  const headingId = useId();
  const computing = status === 'computing';
  return (
    <section
      className="balance-panel"
      {...(titled ? { 'aria-labelledby': headingId } : { 'aria-label': t('title') })}
      aria-busy={computing}
    >
      {titled && <h2 id={headingId}>{t('title')}</h2>}
      <p>{t('intro')}</p>
      {/* Emptied while recomputing, so that each recompute announces "Uppdaterad" again. */}
      <p role="status" className="balance-status">
        {status === 'ready' && <span key={updates}>{t('status.updated')}</span>}
        {status === 'error' && (balance === null ? t('status.errorNone') : t('status.error'))}
      </p>
      {computing && (
        <p className="hint">{balance === null ? t('status.none') : t('status.computing')}</p>
      )}
      {balance !== null && <BalanceFigures balance={balance} />}
    </section>
  );
}

function BalanceFigures({ balance }: { balance: DraftBalance }) {
  const { t } = useTranslation('workbenchBalance');
  const cells = balance.statements * balance.parties.length;
  return (
    <>
      {!balance.complete && (
        <p className="balance-incomplete">
          {t('incomplete', { uncoded: balance.uncoded.length, cells })}
        </p>
      )}
      {balance.statements === 0 ? (
        <p>{t('empty')}</p>
      ) : (
        <>
          <CoverageTable balance={balance} />
          <Direction balance={balance} />
          <YesSayerTable balance={balance} />
          <RandomVoterTables balance={balance} />
        </>
      )}
    </>
  );
}

const RuleCell = ({ met, label }: { met: boolean; label: string }) => {
  const { t } = useTranslation('workbenchBalance');
  return (
    <td data-label={label} className={met ? undefined : 'balance-fail'}>
      {met ? t('ruleMet') : t('ruleNotMet')}
    </td>
  );
};

function CoverageTable({ balance }: { balance: DraftBalance }) {
  const { t } = useTranslation('workbenchBalance');
  const rule = t('coverage.rule', { value: Math.round(100 * balance.rules.minCoverage) });
  const n = balance.statements;
  const columns = [t('coverage.stated'), t('coverage.share'), t('coverage.implied')] as const;
  return (
    <div className="reflow">
      <table className="balance-table">
        <caption>{t('coverage.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('coverage.party')}</th>
            {columns.map((name) => (
              <th scope="col" key={name}>
                {name}
              </th>
            ))}
            {!balance.complete && <th scope="col">{t('coverage.uncoded')}</th>}
            <th scope="col">{rule}</th>
          </tr>
        </thead>
        <tbody>
          {balance.parties.map((p) => (
            <tr key={p.party}>
              <th scope="row">{p.name}</th>
              <td data-label={columns[0]}>
                {t('coverage.statedValue', { count: p.stated, total: n })}
              </td>
              <td data-label={columns[1]}>{t('percent', { value: percentHalfUp(p.stated, n) })}</td>
              <td data-label={columns[2]}>{p.implied}</td>
              {!balance.complete && <td data-label={t('coverage.uncoded')}>{p.uncoded}</td>}
              <RuleCell met={p.meetsCoverageRule} label={rule} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Direction({ balance }: { balance: DraftBalance }) {
  const { t } = useTranslation('workbenchBalance');
  const { count, meetsRule } = balance.less;
  const rule = Math.round(100 * balance.rules.minLessShare);
  return (
    <p>
      {t('direction.text', {
        count,
        total: balance.statements,
        share: percentHalfUp(count, balance.statements),
      })}{' '}
      <span className={meetsRule ? undefined : 'balance-fail'}>
        {meetsRule ? t('direction.ruleMet', { rule }) : t('direction.ruleNotMet', { rule })}
      </span>
    </p>
  );
}

function YesSayerTable({ balance }: { balance: DraftBalance }) {
  const { t } = useTranslation('workbenchBalance');
  const { names } = useFormat();
  const yes = balance.yesSayer;
  if (yes === null) return <p>{t('yesSayer.noVoter')}</p>;
  const nameOf = new Map(balance.parties.map((p) => [p.party, p.name]));
  const limit = t('yesSayer.limit', { value: balance.rules.maxAgreeAllPercent });
  return (
    <>
      <div className="reflow">
        <table className="balance-table">
          <caption>{t('yesSayer.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('yesSayer.party')}</th>
              <th scope="col">{t('yesSayer.match')}</th>
              <th scope="col">{t('yesSayer.rank')}</th>
              <th scope="col">{limit}</th>
            </tr>
          </thead>
          <tbody>
            {yes.parties.map((p) => (
              <tr key={p.party}>
                <th scope="row">{nameOf.get(p.party) ?? p.party}</th>
                <td data-label={t('yesSayer.match')}>{t('percent', { value: p.percent })}</td>
                <td data-label={t('yesSayer.rank')}>{p.rank ?? t('yesSayer.notRanked')}</td>
                <RuleCell met={!p.aboveLimit} label={limit} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        {yes.top.length === 0
          ? t('yesSayer.noTop')
          : t('yesSayer.top', { parties: names(yes.top.map((id) => nameOf.get(id) ?? id)) })}
      </p>
    </>
  );
}

function RandomVoterTables({ balance }: { balance: DraftBalance }) {
  const { t } = useTranslation('workbenchBalance');
  const { share, language } = useFormat();
  const rows = balance.randomVoters;
  const heading = (skipped: number) =>
    skipped === 0
      ? t('random.skippedNone')
      : t('random.skipped', { value: formatDecimal(100 * skipped, language, 0) });
  return (
    <>
      <div className="reflow">
        <table className="balance-table">
          <caption>{t('random.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('random.party')}</th>
              {rows.map((row) => (
                <th scope="col" key={row.skipped}>
                  {heading(row.skipped)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {balance.parties.map((p) => (
              <tr key={p.party}>
                <th scope="row">{p.name}</th>
                {rows.map((row) => (
                  <td key={row.skipped} data-label={heading(row.skipped)}>
                    {t('percent', { value: share(row.first[p.party] ?? 0) })}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="reflow">
        <table className="balance-table">
          <caption>{t('random.allRankedCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('random.howMany')}</th>
              <th scope="col">{t('random.allRanked')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.skipped}>
                <th scope="row">{heading(row.skipped)}</th>
                <td data-label={t('random.allRanked')}>
                  {t('percent', { value: share(row.allRanked) })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{t('random.about', { voters: balance.voters, seed: balance.seed })}</p>
      <p className="hint">
        {t('random.error', {
          voters: balance.voters,
          se: share(shareStandardError(balance.voters)),
        })}
      </p>
    </>
  );
}
