import type { ReactNode } from 'react';
import { useWt } from './use-wt.ts';

export interface FieldProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly hint?: string;
  /** Problems the draft check found at this field, shown under it and linked to it. */
  readonly issues?: readonly string[];
  readonly multiline?: boolean;
  readonly type?: 'text' | 'url' | 'date' | 'number';
  readonly optional?: boolean;
  readonly lang?: string;
  readonly dir?: 'ltr' | 'rtl';
  /** Shown after the field, e.g. a live word count; announced with the field. */
  readonly after?: ReactNode;
}

/** A labelled text field whose hint and problems are tied to it with aria-describedby. */
export function Field({
  id,
  label,
  value,
  onChange,
  hint,
  issues = [],
  multiline = false,
  type = 'text',
  optional = false,
  lang,
  dir,
  after,
}: FieldProps) {
  const { t } = useWt();
  const hintId = `${id}-hint`;
  const issuesId = `${id}-issues`;
  const afterId = `${id}-after`;
  const describedBy =
    [hint && hintId, after && afterId, issues.length > 0 && issuesId].filter(Boolean).join(' ') ||
    undefined;
  const common = {
    id,
    value,
    lang,
    dir,
    'aria-describedby': describedBy,
    'aria-invalid': issues.length > 0 || undefined,
  };
  return (
    <div className="wb-field">
      <label htmlFor={id}>
        {label}
        {optional && ` ${t('field.optional')}`}
      </label>
      {hint && (
        <p id={hintId} className="wb-hint">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea {...common} rows={3} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />
      )}
      {after && (
        <p id={afterId} className="wb-hint">
          {after}
        </p>
      )}
      {issues.length > 0 && (
        <ul id={issuesId} className="wb-issues">
          {issues.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
