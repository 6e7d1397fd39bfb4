import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodingKind, Explicitness, Position } from '../../../domain/workbench/api.ts';
import { EXPLICITNESS, KINDS, SCALE, scaleKey } from './labels.ts';

interface Choice<T> {
  readonly value: T;
  readonly label: string;
  readonly help?: string;
}

interface RadioGroupProps<T> {
  readonly legend: string;
  readonly choices: readonly Choice<T>[];
  readonly value: T | null;
  readonly onChange: (value: T) => void;
  readonly disabled?: boolean;
  readonly children?: ReactNode;
}

/** A labelled group of radio buttons (fieldset and legend), each with an optional definition. */
export function RadioGroup<T extends string | number>({
  legend,
  choices,
  value,
  onChange,
  disabled,
  children,
}: RadioGroupProps<T>) {
  const name = useId();
  return (
    <fieldset className="coding-choices" disabled={disabled}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <div key={c.value} className="coding-choice">
          <input
            type="radio"
            id={`${name}-${c.value}`}
            name={name}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
            aria-describedby={c.help ? `${name}-${c.value}-help` : undefined}
          />
          <label htmlFor={`${name}-${c.value}`}>{c.label}</label>
          {c.help && (
            <p id={`${name}-${c.value}-help`} className="coding-hint">
              {c.help}
            </p>
          )}
        </div>
      ))}
      {children}
    </fieldset>
  );
}

type Bound<T> = Omit<RadioGroupProps<T>, 'legend' | 'choices'>;

/** The position on the quiz's five-step scale. */
export function ScaleField(props: Bound<Position>) {
  const { t } = useTranslation('workbenchCoding');
  const choices = SCALE.map((p) => ({ value: p, label: t(scaleKey(p)) }));
  return <RadioGroup legend={t('scale.legend')} choices={choices} {...props} />;
}

/** Stated, implied or silent, each with CODING.md's definition in one line. */
export function KindField(props: Bound<CodingKind>) {
  const { t } = useTranslation('workbenchCoding');
  const choices = KINDS.map((k) => ({
    value: k,
    label: t(`kind.${k}`),
    help: t(`kind.${k}Help`),
  }));
  return <RadioGroup legend={t('kind.legend')} choices={choices} {...props} />;
}

/** For a stated position: explicit (confidence 1) or explicit but general (0.75). */
export function ExplicitnessField(props: Bound<Explicitness>) {
  const { t } = useTranslation('workbenchCoding');
  const choices = EXPLICITNESS.map((e) => ({
    value: e,
    label: t(`confidence.${e}`),
    help: t(`confidence.${e}Help`),
  }));
  return <RadioGroup legend={t('confidence.legend')} choices={choices} {...props} />;
}
