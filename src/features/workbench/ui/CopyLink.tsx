import { useId, useRef } from 'react';
import { CopyStatus, useCopy } from '../../../components/use-copy.tsx';
import { useWt } from './use-wt.ts';

/** A link shown once, read-only, with a copy button and a status that says whether it was copied. */
export function CopyLink({ value, label }: { value: string; label: string }) {
  const { t } = useWt();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const { state, copy } = useCopy();
  return (
    <div className="wb-field">
      <label htmlFor={id}>{label}</label>
      <input
        ref={field}
        id={id}
        readOnly
        value={value}
        dir="ltr"
        onFocus={(e) => e.target.select()}
      />
      <p>
        <button type="button" onClick={() => void copy(value, field.current)}>
          {t('copy.button')}
        </button>{' '}
        <CopyStatus state={state} copied={t('copy.copied')} failed={t('copy.failed')} inline />
      </p>
    </div>
  );
}
