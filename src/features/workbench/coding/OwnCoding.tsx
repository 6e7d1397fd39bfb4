import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CodingKind,
  Explicitness,
  Position,
  QuoteOffsets,
} from '../../../domain/workbench/api.ts';
import { ExplicitnessField, KindField, ScaleField } from './CodingFields.tsx';

/** The editor's own coding of a cell, quotes picked from the two coders'. */
export interface OwnValue {
  readonly kind: CodingKind | null;
  readonly position: Position | null;
  readonly confidence: Explicitness;
  /** Indexes into the quotes offered. */
  readonly quotes: readonly number[];
  readonly note: string;
}

export const EMPTY_OWN: OwnValue = {
  kind: null,
  position: null,
  confidence: 'explicit',
  quotes: [],
  note: '',
};

export interface OfferedQuote extends QuoteOffsets {
  readonly text: string;
  /** Whose quote it is ("A", "B"). */
  readonly from: string;
}

interface OwnCodingProps {
  readonly value: OwnValue;
  readonly offered: readonly OfferedQuote[];
  readonly onChange: (value: OwnValue) => void;
}

/** Kind, position, explicitness, the quotes to keep and a note, for the editor's own decision. */
export function OwnCoding({ value, offered, onChange }: OwnCodingProps) {
  const { t } = useTranslation('workbenchCoding');
  const id = useId();
  const set = (change: Partial<OwnValue>) => onChange({ ...value, ...change });
  const silent = value.kind === 'silent';
  const toggle = (i: number) =>
    set({
      quotes: value.quotes.includes(i) ? value.quotes.filter((q) => q !== i) : [...value.quotes, i],
    });
  return (
    <div className="reconcile-own">
      <KindField value={value.kind} onChange={(kind) => set({ kind })} />
      <ScaleField
        value={silent ? null : value.position}
        onChange={(position) => set({ position })}
        disabled={silent}
      />
      {value.kind === 'stated' && (
        <ExplicitnessField
          value={value.confidence}
          onChange={(confidence) => set({ confidence })}
        />
      )}
      {offered.length > 0 && (
        <fieldset className="coding-choices" disabled={silent}>
          <legend>{t('decision.quotes')}</legend>
          {offered.map((q, i) => (
            <div key={`${q.start}-${q.end}`} className="coding-choice">
              <input
                type="checkbox"
                id={`${id}-q${i}`}
                checked={!silent && value.quotes.includes(i)}
                onChange={() => toggle(i)}
              />
              <label htmlFor={`${id}-q${i}`}>
                {t('reconcile.coder', { label: q.from })}: <q lang="sv">{q.text}</q>
              </label>
            </div>
          ))}
        </fieldset>
      )}
      <label htmlFor={`${id}-note`}>{t('decision.note')}</label>
      <textarea
        id={`${id}-note`}
        rows={2}
        value={value.note}
        onChange={(e) => set({ note: e.target.value })}
      />
    </div>
  );
}
