import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { localized } from '../../i18n/localized.ts';
import { breakableUrl } from './breakable-url.tsx';
import { PrintHead } from './PrintHead.tsx';
import { cardParties, cardStatements, quoteCards } from './quote-cards.ts';
import { useSiteOrigin } from './site-origin.ts';

/**
 * `citatkort`: one card per verbatim quote (in Swedish, as in the programme) with the statement it
 * was coded for, in a grid to cut out; then, on a page of its own, the answer key: card number →
 * party and the full address of the passage in the programme viewer.
 */
export function QuoteCardsSheet({ lng }: { lng: Language }) {
  const paths = usePaths();
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  const cards = useMemo(() => quoteCards(compass), [compass]);
  const numberOf = new Map(compass.statements.map((s, i) => [s.id, i + 1]));
  const statementOf = new Map(compass.statements.map((s) => [s.id, s]));
  const partyName = (id: string) => compass.parties.find((p) => p.id === id)?.name ?? id;
  const origin = useSiteOrigin();
  return (
    <>
      <section className="printable-sheet">
        <PrintHead name="citatkort" lng={lng} />
        <p className="lead">{t('quotes.lead')}</p>
        {lng !== 'sv' && <p>{t('quotes.quoteNote')}</p>}
        <p>{t('quotes.parties', { parties: compass.parties.map((p) => p.name).join(', ') })}</p>
        <ol className="quote-cards">
          {cards.map((card) => (
            <li key={card.number} className="quote-card">
              <p className="quote-card-number">{t('quotes.card', { number: card.number })}</p>
              <blockquote lang="sv" className="quote-card-quote">
                <p>”{card.quote}”</p>
              </blockquote>
              {cardStatements(card).map((id) => (
                <p key={id} className="quote-card-statement">
                  <span className="quote-card-label">
                    {t('quotes.codedFor', { number: numberOf.get(id) })}
                  </span>{' '}
                  {localized(statementOf.get(id)!.text, lng)}
                </p>
              ))}
            </li>
          ))}
        </ol>
      </section>
      <section className="printable-sheet quote-key-sheet" aria-labelledby="quote-key-title">
        <h2 id="quote-key-title">{t('quotes.keyTitle')}</h2>
        <p>{t('quotes.keyLead')}</p>
        <div className="reflow">
          <table className="quote-key">
            <thead>
              <tr>
                <th scope="col">{t('quotes.keyCard')}</th>
                <th scope="col">{t('quotes.keyParty')}</th>
                <th scope="col">{t('quotes.keyLink')}</th>
              </tr>
            </thead>
            <tbody>
              {cards.map((card) => (
                <tr key={card.number}>
                  <th scope="row">{card.number}</th>
                  <td data-label={t('quotes.keyParty')}>
                    {cardParties(card).map(partyName).join(', ')}
                  </td>
                  <td data-label={t('quotes.keyLink')}>
                    {card.sources.map((source) => {
                      const href = `${origin}${paths.programme(source.party, source.statement)}`;
                      return (
                        <a key={`${source.party}/${source.statement}`} href={href} className="url">
                          {breakableUrl(href)}
                        </a>
                      );
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
