import { useTranslation } from 'react-i18next';
import type { CodingJson, CodingKind, Explicitness } from '../../../domain/workbench/api.ts';
import { scaleKey } from './labels.ts';

/** How a coding's position is known, in words: the kind, and for a stated one how explicitly. */
export function useKindText() {
  const { t } = useTranslation('workbenchCoding');
  return (coding: { readonly kind: CodingKind; readonly confidence?: Explicitness }) =>
    coding.kind === 'stated'
      ? `${t('kind.stated')} (${t(`confidence.${coding.confidence ?? 'explicit'}`).toLowerCase()})`
      : t(`kind.${coding.kind}`);
}

/** One coder's coding of a disagreement: position, kind, quote and note. */
export function CodingSide({
  label,
  coding,
}: {
  readonly label: string;
  readonly coding: CodingJson;
}) {
  const { t } = useTranslation('workbenchCoding');
  const kindText = useKindText();
  return (
    <div className="reconcile-side">
      <h5>{t('reconcile.coder', { label })}</h5>
      <p>
        <strong>{t(scaleKey(coding.position))}</strong> · {kindText(coding)}
      </p>
      {coding.quoteText ? (
        <blockquote lang="sv">
          {coding.quoteText}
          {coding.quoteLost && <> {t('reconcile.lostQuote')}</>}
        </blockquote>
      ) : (
        <p>{t('reconcile.noQuote')}</p>
      )}
      {coding.note && (
        <p>
          {t('reconcile.noteLabel')} {coding.note}
        </p>
      )}
    </div>
  );
}
