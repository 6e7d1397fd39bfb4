import { useEffect, useId, useRef } from 'react';

/**
 * An inline confirmation for an action that cannot be undone: a heading and a sentence that say
 * what will happen, the action and "cancel". Focus moves to the heading when it appears, so a
 * screen reader reads the warning first; cancelling hands focus back through `onCancel`.
 */
export function Confirm({
  title,
  text,
  confirmLabel,
  cancelLabel,
  busy,
  onConfirm,
  onCancel,
}: {
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  const textId = useId();
  useEffect(() => heading.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="group"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p id={textId}>{text}</p>
      <p className="actions">
        <button type="button" className="primary danger" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="secondary" disabled={busy} onClick={onCancel}>
          {cancelLabel}
        </button>
      </p>
    </div>
  );
}
