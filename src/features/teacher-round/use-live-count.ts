import { useEffect, useRef, useState } from 'react';
import { followCount, getSession } from '../../data/classroom-client.ts';

/** How often the count is fetched when the live stream does not work, in milliseconds. */
export const POLL_MS = 4000;
/** Wait before opening the stream again after one that worked has ended, in milliseconds. */
export const RECONNECT_MS = 1000;
/**
 * How many times a stream is opened again. The service ends each after its lifetime (an hour by
 * default), so this is a day of them; a stream that ends right after its first event (a
 * misbehaving proxy) does not loop for long before the count falls back to polling.
 */
export const MAX_RECONNECTS = 24;

/** The live count of a round and how it arrives. */
export interface LiveCount {
  readonly submissions: number;
  /** `events` while Server-Sent Events work; `polling` after they failed. */
  readonly via: 'events' | 'polling';
}

/**
 * Follows the submission count of an open round: Server-Sent Events first. A stream that worked
 * and then ended (the service ends each after its lifetime; a network drop) is opened again after
 * {@link RECONNECT_MS}, and its first event brings the count up to date. A stream that fails
 * before its first event (no EventSource, a proxy that buffers, the service refusing more
 * streams), or too many in a row, turns to `getSession` every {@link POLL_MS}.
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
    let reconnects = 0;
    let stopEvents: () => void = () => {};
    const follow = () => {
      let delivered = false;
      let ended = false;
      stopEvents = followCount(
        code,
        (event) => {
          if (stopped) return;
          delivered = true;
          setCount((current) => ({ ...current, submissions: event.submissions }));
          if (!event.open) handlers.current.onClosed();
        },
        () => {
          // Stop this stream either way (the browser would keep retrying on its own).
          if (stopped || polling || ended) return;
          ended = true;
          stopEvents();
          if (delivered && reconnects < MAX_RECONNECTS) {
            reconnects++;
            timer = setTimeout(follow, RECONNECT_MS);
            return;
          }
          polling = true;
          setCount((current) => ({ ...current, via: 'polling' }));
          timer = setTimeout(() => void poll(), POLL_MS);
        },
      );
      // followCount may report trouble at once (no EventSource), before stopEvents was assigned.
      if (ended) stopEvents();
    };
    follow();
    return () => {
      stopped = true;
      stopEvents();
      clearTimeout(timer);
    };
  }, [code]);
  return count;
}
