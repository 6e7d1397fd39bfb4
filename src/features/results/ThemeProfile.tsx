import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import type { ScoredVoter } from '../../domain/scoring/index.ts';
import { localized } from '../../i18n/localized.ts';

/**
 * One party's match per theme as an SVG bar chart, with the same numbers for every party in a
 * table behind it. Themes where the party takes too few stands show "–", never a bar. The table's
 * columns are the parties' short names (full name in the abbreviation's title); on a narrow screen
 * it reflows into one block per theme, each value labelled with the party's full name
 * (app.css, `.reflow`).
 */
export function ThemeProfile({ compass, result }: { compass: Compass; result: ScoredVoter }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const themes = compass.themes.filter((th) => result.themes[th.id] !== undefined);
  const [partyId, setPartyId] = useState(result.parties[0]?.party ?? '');
  if (themes.length === 0) return null;
  const party = compass.parties.find((p) => p.id === partyId) ?? compass.parties[0]!;
  const label = (id: string) => {
    const q = compass.parties.find((x) => x.id === id)!;
    return t('party.label', { name: q.name, municipality: q.municipality });
  };
  /** The party's percent in the theme; null when it takes too few stands there. */
  const percentIn = (themeId: string, id: string): number | null =>
    result.themes[themeId]!.percent[result.parties.findIndex((p) => p.party === id)] ?? null;
  return (
    <section aria-labelledby="themes-heading">
      <h2 id="themes-heading">{t('results.themes.title')}</h2>
      <p>{t('results.themes.intro')}</p>
      <label className="inline-select">
        {t('results.themes.party')}{' '}
        <select value={party.id} onChange={(e) => setPartyId(e.target.value)}>
          {result.parties.map((p) => {
            const q = compass.parties.find((x) => x.id === p.party)!;
            return (
              <option key={q.id} value={q.id}>
                {t('party.label', { name: q.name, municipality: q.municipality })}
              </option>
            );
          })}
        </select>
      </label>
      <figure className="theme-chart">
        <ul>
          {themes.map((th) => {
            const value = percentIn(th.id, party.id);
            return (
              <li key={th.id}>
                <span className="theme-name">{localized(th.name, lang)}</span>{' '}
                <span className="theme-value">
                  {value === null ? (
                    t('results.themes.none')
                  ) : (
                    <span className="nowrap">{t('results.percent', { percent: value })}</span>
                  )}
                </span>
                <svg
                  viewBox="0 0 100 10"
                  preserveAspectRatio="none"
                  aria-hidden="true"
                  focusable="false"
                >
                  <rect x="0" y="0" width="100" height="10" className="track" />
                  {value !== null && (
                    <rect x="0" y="0" width={value} height="10" style={{ fill: party.colour }} />
                  )}
                  <line x1="50" x2="50" y1="0" y2="10" className="midline" />
                </svg>
              </li>
            );
          })}
        </ul>
        <figcaption>
          {t('results.themes.caption', { party: `${party.name} (${party.municipality})` })}
        </figcaption>
      </figure>
      <details>
        <summary>{t('results.themes.table')}</summary>
        <div className="table-scroll reflow">
          <table>
            <caption>{t('results.themes.tableCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('results.themes.theme')}</th>
                {result.parties.map((p) => {
                  const q = compass.parties.find((x) => x.id === p.party)!;
                  return (
                    <th key={q.id} scope="col">
                      <abbr title={label(q.id)}>{q.short}</abbr>
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {themes.map((th) => (
                <tr key={th.id}>
                  <th scope="row">{localized(th.name, lang)}</th>
                  {result.parties.map((p) => {
                    const value = percentIn(th.id, p.party);
                    return (
                      <td key={p.party} data-label={label(p.party)}>
                        {value === null ? '–' : t('results.percent', { percent: value })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('results.themes.dash')}</p>
      </details>
    </section>
  );
}
