import { useCallback, useState } from 'react';

/** What the last press of a copy button did: nothing yet, copied, or could not copy. */
export type CopyState = 'copied' | 'failed' | null;

/** A field whose text the user can copy by hand. */
type CopySource = HTMLInputElement | HTMLTextAreaElement;

/**
 * Copying text to the clipboard, for a copy button. `copy(text, field)` writes `text` with the
 * Clipboard API. Where that API is missing (an old browser, a page not served over HTTPS) or
 * refuses (permission denied), it focuses `field` and selects its text instead, so the user can
 * copy it by hand; `state` says which happened, for `CopyStatus`.
 */
export function useCopy(): {
  state: CopyState;
  copy: (text: string, field?: CopySource | null) => Promise<void>;
} {
  const [state, setState] = useState<CopyState>(null);
  const copy = useCallback(async (text: string, field?: CopySource | null) => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      field?.focus();
      field?.select();
      setState('failed');
    }
  }, []);
  return { state, copy };
}

/**
 * The status line of a copy button: a live region that is always in the page, empty until the
 * first press, so that a screen reader announces when it then says "copied" or "could not copy".
 * `inline` for a line that sits beside its button.
 */
export function CopyStatus({
  state,
  copied,
  failed,
  inline = false,
}: {
  state: CopyState;
  /** Said once the text is on the clipboard. */
  copied: string;
  /** Said when it is not: the text is selected, so this asks the user to copy it themselves. */
  failed: string;
  inline?: boolean;
}) {
  const message = state === 'copied' ? copied : state === 'failed' ? failed : '';
  return inline ? <span role="status">{message}</span> : <p role="status">{message}</p>;
}
