import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * Keyboard shortcuts for the page (`key` → action). Ignored while typing in a field or with a
 * modifier held, so they never steal the browser's or a screen reader's keys.
 */
export function useShortcuts(bindings: Readonly<Record<string, () => void>>): void {
  const latest = useRef(bindings);
  // A layout effect, so that a key pressed right after the screen changed already acts on the
  // new statement (a passive effect may run only after the paint the user reacts to).
  useLayoutEffect(() => {
    latest.current = bindings;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return;
      const action = latest.current[event.key];
      if (!action) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
