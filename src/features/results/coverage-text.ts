import type { TFunction } from 'i18next';
import type { PartyScore } from '../../domain/scoring/index.ts';

/**
 * "Programmet tar ställning i 7 av dina 10 påståenden; där håller ni med varandra till 80 %."
 * The agreement figure is the engine's `agreementPercent` (rounded once, exactly); when the
 * programme takes no stand at all, that is said in words, never shown as 0 %.
 */
export function coverageText(
  t: TFunction,
  score: Pick<PartyScore, 'stated' | 'agreementPercent'>,
  answered: number,
): string {
  return score.agreementPercent === null
    ? t('results.coverageUnknown', { answered })
    : t('results.coverage', {
        stated: score.stated,
        answered,
        agreement: score.agreementPercent,
      });
}
