import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StanceView } from '../../components/StanceView.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import type { Compass, Statement } from '../../domain/bank/types.ts';

/**
 * Each party's stated position on a statement with its quotes and links to them in the
 * programmes, in a disclosure (so that 32 statements stay scannable; ClassResults opens them for
 * printing). From the compass only: nothing of the class.
 */
export function PartyStances({ compass, statement }: { compass: Compass; statement: Statement }) {
  const paths = usePaths();
  const { t } = useTranslation('teacher');
  const quoted = compass.parties.filter((p) => statement.stances[p.id]!.quotes.length > 0);
  const stated = compass.parties.filter((p) => statement.stances[p.id]!.position !== null).length;
  return (
    <details className="class-stances">
      <summary>{t('results.stancesSummary', { stated, total: compass.parties.length })}</summary>
      <ul className="stances">
        {compass.parties.map((party) => (
          <StanceView key={party.id} party={party} stance={statement.stances[party.id]!} />
        ))}
      </ul>
      {quoted.length > 0 && (
        <div className="quote-links">
          <p>{t('results.quoteLinks')}</p>
          <ul>
            {quoted.map((party) => (
              <li key={party.id}>
                <Link to={paths.programme(party.id, statement.id)}>
                  {t('results.quoteLink', { party: party.short })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </details>
  );
}
