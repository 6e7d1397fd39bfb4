import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { direction } from '../../config/languages.ts';
import type { Compass, Party, Statement } from '../../domain/bank/types.ts';
import type { ProfileParty } from '../../domain/classroom/class-profile.ts';
import {
  type CategoryEstimate,
  MIN_SUBMISSIONS,
  type RandomizedClassFigures,
  type StatementEstimate,
} from '../../domain/classroom/randomized-estimate.ts';
import type { Category } from '../../domain/classroom/randomized-response.ts';
import { statementText } from '../../i18n/statement-text.ts';
import { PartyStances } from './PartyStances.tsx';

/** The categories in the order the view shows them, as the quiz's answers: för first. */
export const ESTIMATE_ORDER: readonly Category[] = ['for', 'varken', 'emot', 'hoppade-over'];

/** The string key of each category (teacher namespace). */
const CATEGORY_KEY = {
  emot: 'estimated.categories.emot',
  varken: 'estimated.categories.varken',
  for: 'estimated.categories.for',
  'hoppade-over': 'estimated.categories.hoppadeOver',
} as const satisfies Record<Category, string>;

/** z of a two-sided 95 % interval. */
export const Z95 = 1.96;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

/**
 * What the view shows of one category's estimate, in whole percent: the shown share, its SE in
 * percentage points, and the interval T̂ ± 1.96·SE clamped to 0..100 %.
 */
export function shownEstimate(estimate: CategoryEstimate): {
  readonly percent: number;
  readonly se: number;
  readonly low: number;
  readonly high: number;
} {
  const half = Z95 * estimate.standardError;
  return {
    percent: estimate.sharePercent,
    se: Math.round(100 * estimate.standardError),
    low: Math.round(100 * clamp01(estimate.estimate - half)),
    high: Math.round(100 * clamp01(estimate.estimate + half)),
  };
}

/**
 * How divided the class appears on a statement, 0..1, from the shown shares of the three answers
 * among those who answered (emot −1, varken 0, för +1): the mean distance between two pupils'
 * answers drawn at random, over its largest value 2, that is 2·(e·v + v·f + 2·e·f) for the
 * answered shares e, v, f. 0 when all answered alike, 1 when the class split evenly between för
 * and emot. Null for a statement the class is taken to have skipped. Only an ordering: the shares
 * are estimates, so close values may well be in either order.
 */
export function estimatedDivision(estimate: StatementEstimate): number | null {
  if (!estimate.answered) return null;
  const e = estimate.categories.emot.share;
  const v = estimate.categories.varken.share;
  const f = estimate.categories.for.share;
  const answered = e + v + f;
  if (answered === 0) return null;
  return (2 * (e * v + v * f + 2 * e * f)) / (answered * answered);
}

/** Statements by {@link estimatedDivision}, most divided first, skipped ones last; else as given. */
export function byEstimatedDivision<S extends { readonly id: string }>(
  statements: readonly S[],
  estimates: Readonly<Record<string, StatementEstimate>>,
): S[] {
  const division = new Map(statements.map((s) => [s.id, estimatedDivision(estimates[s.id]!)]));
  return [...statements].sort((a, b) => (division.get(b.id) ?? -1) - (division.get(a.id) ?? -1));
}

/**
 * The figures of a closed randomized round (at least ten submissions), for the teacher: the
 * class profile's agreement with each party (in the order the domain ranks them), then each
 * statement in compass order with the estimated share of each category as a bar with its 95 %
 * interval (hidden from screen readers) and the same numbers in a table ("42 % ± 16
 * procentenheter", the interval, the count sent), and the parties' own positions with quotes;
 * the statements can be put in order of how divided the class appears ({@link estimatedDivision}).
 * Its headings are h2 and h3: it sits under the result's h2 on the teacher's page. The open and withheld states are the caller's
 * ({@link TooFewSubmissions} says the latter).
 */
export function EstimatedResults({
  compass,
  figures,
}: {
  compass: Compass;
  figures: RandomizedClassFigures;
}) {
  const { t } = useTranslation('teacher');
  const [order, setOrder] = useState<'compass' | 'divided'>('compass');
  const orderName = useId();
  const statements = compass.statements.filter((s) => figures.statements[s.id] !== undefined);
  const shown =
    order === 'compass' ? statements : byEstimatedDivision(statements, figures.statements);
  return (
    <div className="estimated-results">
      <p className="estimated-explain">{t('estimated.explain')}</p>
      <ProfileParties compass={compass} figures={figures} />
      <section className="class-statements" aria-labelledby="estimated-statements-heading">
        <h2 id="estimated-statements-heading">{t('estimated.statementsTitle')}</h2>
        <fieldset className="order-choice no-print">
          <legend>{t('estimated.order')}</legend>
          {(['compass', 'divided'] as const).map((value) => (
            <label key={value}>
              <input
                type="radio"
                name={orderName}
                value={value}
                checked={order === value}
                onChange={() => setOrder(value)}
              />
              <span>
                {value === 'compass' ? t('estimated.orderCompass') : t('estimated.orderDivided')}
              </span>
            </label>
          ))}
        </fieldset>
        <p className="hint no-print">{t('estimated.dividedExplain')}</p>
        <ol className="class-statement-list">
          {shown.map((statement) => (
            <EstimatedStatement
              key={statement.id}
              compass={compass}
              statement={statement}
              number={compass.statements.indexOf(statement) + 1}
              estimate={figures.statements[statement.id]!}
            />
          ))}
        </ol>
      </section>
    </div>
  );
}

function EstimatedStatement({
  compass,
  statement,
  number,
  estimate,
}: {
  compass: Compass;
  statement: Statement;
  /** The statement's number in the compass (1-based). */
  number: number;
  estimate: StatementEstimate;
}) {
  const { t, i18n } = useTranslation('teacher');
  const headingId = `estimated-statement-${statement.id}`;
  // The statement's words in the page's language, or in Swedish (marked so) when it has none.
  const shown = statementText(statement, i18n.language, false);
  const langOf =
    shown.textLang === i18n.language
      ? {}
      : { lang: shown.textLang, dir: direction(shown.textLang) };
  return (
    <li className="class-statement" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <span className="statement-number">{number}.</span> <span {...langOf}>{shown.text}</span>
      </h3>
      <div className="reflow">
        <table className="answers-table estimates-table">
          <caption>{t('estimated.tableCaption', { number })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('estimated.category')}</th>
              <th scope="col">{t('estimated.share')}</th>
              <th scope="col">{t('estimated.interval')}</th>
              <th scope="col">{t('estimated.observed')}</th>
            </tr>
          </thead>
          <tbody>
            {ESTIMATE_ORDER.map((category) => {
              const shown = shownEstimate(estimate.categories[category]);
              return (
                <tr key={category}>
                  <th scope="row">{t(CATEGORY_KEY[category])}</th>
                  <td data-label={t('estimated.share')} className="estimate-cell">
                    {/* May wrap between the share and its error (each kept whole by its no-break
                        spaces), so that it fits a phone with large text. */}
                    <span className="estimate-value">
                      {t('estimated.shareValue', { percent: shown.percent, se: shown.se })}
                    </span>
                    <EstimateBar {...shown} />
                  </td>
                  <td data-label={t('estimated.interval')}>
                    <span className="nowrap">
                      {t('estimated.intervalValue', { low: shown.low, high: shown.high })}
                    </span>
                  </td>
                  <td data-label={t('estimated.observed')}>
                    {estimate.categories[category].observed}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {!estimate.answered && <p className="hint">{t('estimated.skippedByClass')}</p>}
      <PartyStances compass={compass} statement={statement} />
    </li>
  );
}

/**
 * A share as a bar from 0 to `percent` with its interval drawn across it as a line with end
 * marks. SVG attributes, not style attributes: the site's policy allows no inline styles.
 */
function EstimateBar({ percent, low, high }: { percent: number; low: number; high: number }) {
  return (
    <svg
      className="estimate-bar"
      viewBox="0 0 100 10"
      preserveAspectRatio="none"
      aria-hidden="true"
      focusable="false"
    >
      <rect className="track" x="0" y="0" width="100" height="10" />
      <rect className="share" x="0" y="1" width={percent} height="8" />
      {/* The interval twice: a wide line in the page's background under a narrow one in its text
          colour, so it stands out on the bar and on the track alike. */}
      {(['halo', 'line'] as const).map((kind) => (
        <g key={kind} className={`interval-${kind}`} data-low={low} data-high={high}>
          <line x1={low} x2={high} y1="5" y2="5" vectorEffect="non-scaling-stroke" />
          <line x1={low} x2={low} y1="0" y2="10" vectorEffect="non-scaling-stroke" />
          <line x1={high} x2={high} y1="0" y2="10" vectorEffect="non-scaling-stroke" />
        </g>
      ))}
    </svg>
  );
}

/** The class profile's agreement with each party, in the domain's order (ranked first). */
function ProfileParties({
  compass,
  figures,
}: {
  compass: Compass;
  figures: RandomizedClassFigures;
}) {
  const { t } = useTranslation('teacher');
  const { t: tApp } = useTranslation();
  const parties = new Map(compass.parties.map((p) => [p.id, p]));
  const rows = (figures.profile?.parties ?? []).flatMap((figure) => {
    const party = parties.get(figure.party);
    return party ? [{ party, figure }] : [];
  });
  const name = (party: Party) =>
    tApp('party.label', { name: party.name, municipality: party.municipality });
  const rank = (figure: ProfileParty) =>
    figure.rank === null
      ? t('estimated.unranked')
      : t('estimated.rankValue', { rank: figure.rank });
  return (
    <section className="class-parties" aria-labelledby="estimated-parties-heading">
      <h2 id="estimated-parties-heading">{t('estimated.partiesTitle')}</h2>
      <p>{t('estimated.partiesIntro')}</p>
      {figures.profile === null ? (
        <p className="notice">{t('estimated.noProfile')}</p>
      ) : (
        <>
          <ul className="party-bars" aria-hidden="true">
            {rows.map(({ party, figure }) => (
              <li key={party.id}>
                <p className="ranking-head">
                  <svg className="party-swatch" viewBox="0 0 2 2">
                    <circle cx="1" cy="1" r="1" fill={party.colour} />
                  </svg>
                  <strong>{name(party)}</strong>{' '}
                  <span className="percent">
                    {t('results.percent', { percent: figure.percent })}
                  </span>
                </p>
                <svg className="profile-bar" viewBox="0 0 100 10" preserveAspectRatio="none">
                  <rect className="track" x="0" y="0" width="100" height="10" />
                  <rect x="0" y="0" width={figure.percent} height="10" fill={party.colour} />
                </svg>
              </li>
            ))}
          </ul>
          <div className="reflow">
            <table className="parties-table">
              <caption>{t('estimated.partiesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('estimated.party')}</th>
                  <th scope="col">{t('estimated.agreement')}</th>
                  <th scope="col">{t('estimated.rank')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map(({ party, figure }) => (
                  <tr key={party.id}>
                    <th scope="row">{name(party)}</th>
                    <td data-label={t('estimated.agreement')}>
                      <span className="nowrap">
                        {t('results.percent', { percent: figure.percent })}
                      </span>
                    </td>
                    <td data-label={t('estimated.rank')}>{rank(figure)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

/**
 * The body of a closed randomized round with fewer than ten submissions, under the caller's
 * heading: how many sent, and why nothing more is shown (precision, not privacy).
 */
export function TooFewSubmissions({ submissions }: { submissions: number }) {
  const { t } = useTranslation('teacher');
  return (
    <>
      <p>{t('estimated.withheld', { submissions, min: MIN_SUBMISSIONS })}</p>
      <p>{t('estimated.withheldWhy')}</p>
    </>
  );
}
