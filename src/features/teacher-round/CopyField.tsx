import { useId, useRef } from 'react';
import { CopyStatus, useCopy } from '../../components/use-copy.tsx';

/** A read-only link with a copy button and a status line that says whether copying worked. */
export function CopyField({
  value,
  label,
  copyLabel,
  copied,
  failed,
  className,
}: {
  value: string;
  label: string;
  copyLabel: string;
  copied: string;
  failed: string;
  className?: string;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const { state, copy } = useCopy();
  return (
    <div className={['copy-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input
        ref={field}
        id={id}
        readOnly
        value={value}
        dir="ltr"
        onFocus={(e) => e.target.select()}
      />
      <p className="copy-actions">
        <button type="button" onClick={() => void copy(value, field.current)}>
          {copyLabel}
        </button>{' '}
        <CopyStatus state={state} copied={copied} failed={failed} inline />
      </p>
    </div>
  );
}
