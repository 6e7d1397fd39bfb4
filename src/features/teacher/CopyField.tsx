import { useId, useState } from 'react';

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
  const [state, setState] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('yes');
    } catch {
      setState('no');
    }
  };
  return (
    <div className={['copy-field', className].filter(Boolean).join(' ')}>
      <label htmlFor={id}>{label}</label>
      <input id={id} readOnly value={value} dir="ltr" onFocus={(e) => e.target.select()} />
      <p className="copy-actions">
        <button type="button" onClick={() => void copy()}>
          {copyLabel}
        </button>{' '}
        <span role="status">{state === 'yes' ? copied : state === 'no' ? failed : ''}</span>
      </p>
    </div>
  );
}
