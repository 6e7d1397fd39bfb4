import { useTranslation } from 'react-i18next';
import type { Compass } from '../../domain/bank/types.ts';
import type { ScoredVoter, StabilityLabel } from '../../domain/scoring/index.ts';
import { localized } from '../../i18n/localized.ts';

const LABEL_KEYS = {
  stable: 'results.stability.stable',
  'fairly-stable': 'results.stability.fairlyStable',
  sensitive: 'results.stability.sensitive',
} as const satisfies Record<StabilityLabel, string>;

/** How much the top of the ranking hangs on single statements (leave one out). */
export function Stability({ compass, result }: { compass: Compass; result: ScoredVoter }) {
  const { t, i18n } = useTranslation();
  const { stability } = result;
  if (stability.label === null) return <p>{t('results.stability.tooFew')}</p>;
  const flips = stability.flips.map((id) => compass.statements.find((s) => s.id === id)!);
  return (
    <section aria-labelledby="stability-heading">
      <h2 id="stability-heading">{t('results.stability.title')}</h2>
      <p>
        <strong>{t(LABEL_KEYS[stability.label])}</strong>{' '}
        {t('results.stability.explain', {
          kept: stability.exactTau!.numerator,
          total: stability.exactTau!.denominator,
        })}
      </p>
      {flips.length > 0 && (
        <>
          <p>{t('results.stability.flips')}</p>
          <ul>
            {flips.map((s) => (
              <li key={s.id}>{localized(s.text, i18n.language)}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
