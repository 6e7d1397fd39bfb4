import { useEffect, useRef, useState } from 'react';

/** The shortest time between two announcements of the count, in milliseconds. */
export const ANNOUNCE_GAP_MS = 5000;

/**
 * Tells screen-reader users politely how many answers have come in: at once after a quiet spell,
 * then at most once every {@link ANNOUNCE_GAP_MS} with the latest count, so a class sending at the
 * same moment is not read out number by number. The count on screen is not a live region.
 */
export function CountAnnouncer({ count, text }: { count: number; text: (n: number) => string }) {
  const [announced, setAnnounced] = useState<number | null>(null);
  const first = useRef(count);
  const lastAt = useRef(0);
  useEffect(() => {
    if (announced === null && count === first.current) return;
    if (count === announced) return;
    const wait = lastAt.current + ANNOUNCE_GAP_MS - Date.now();
    const announce = () => {
      lastAt.current = Date.now();
      setAnnounced(count);
    };
    if (wait <= 0) {
      announce();
      return;
    }
    const timer = setTimeout(announce, wait);
    return () => clearTimeout(timer);
  }, [count, announced]);
  return (
    <p className="teacher-sr" aria-live="polite" aria-atomic="true">
      {announced === null ? '' : text(announced)}
    </p>
  );
}
