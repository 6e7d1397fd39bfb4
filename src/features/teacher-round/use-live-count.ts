import { useEffect, useRef, useState } from 'react';
import { followCount, getSession } from '../../data/classroom-client.ts';

/** How often the count is fetched when the live stream does not work, in milliseconds. */
export const POLL_MS = 4000;

/** The live count of a round and how it arrives. */
export interface LiveCount {
  readonly submissions: number;
  /** `events` while Server-Sent Events work; `polling` after they failed. */
  readonly via: 'events' | 'polling';
}

/**
 * Follows the submission count of an open round: Server-Sent Events first, and when they fail
 * (no EventSource, a proxy that buffers, a dropped stream) `getSession` every {@link POLL_MS}.
 * `onClosed` is called when the round turns out to be closed (e.g. from another device);
 * `onGone` when it no longer exists.
 */
export function useLiveCount(
  code: string,
  initial: number,
  { onClosed, onGone }: { onClosed: () => void; onGone: () => void },
): LiveCount {
  const [count, setCount] = useState<LiveCount>({ submissions: initial, via: 'events' });
  const handlers = useRef({ onClosed, onGone });
  useEffect(() => {
    handlers.current = { onClosed, onGone };
  });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const outcome = await getSession(code);
      if (stopped) return;
      if (outcome.ok) {
        setCount({ submissions: outcome.body.submissions, via: 'polling' });
        if (!outcome.body.open) return handlers.current.onClosed();
      } else if (outcome.error === 'not-found' || outcome.error === 'expired') {
        return handlers.current.onGone();
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    let polling = false;
    let stopEvents: () => void = () => {};
    stopEvents = followCount(
      code,
      (event) => {
        if (stopped) return;
        setCount((current) => ({ ...current, submissions: event.submissions }));
        if (!event.open) handlers.current.onClosed();
      },
      () => {
        // The stream failed: stop it (the browser would keep retrying) and poll instead.
        if (stopped || polling) return;
        polling = true;
        stopEvents();
        setCount((current) => ({ ...current, via: 'polling' }));
        timer = setTimeout(() => void poll(), POLL_MS);
      },
    );
    // followCount may report trouble at once (no EventSource), before stopEvents was assigned.
    if (polling) stopEvents();
    return () => {
      stopped = true;
      stopEvents();
      clearTimeout(timer);
    };
  }, [code]);
  return count;
}
