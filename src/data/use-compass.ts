import { useEffect, useState } from 'react';
import { type CompassLoad, loadCompass } from './load-compass.ts';

const cache = new Map<string, Promise<CompassLoad>>();

/** The compass with this id, loaded once per page; undefined while loading. */
export function useCompassLoad(
  id: string,
  load: (id: string) => Promise<CompassLoad> = loadCompass,
): CompassLoad | undefined {
  const [state, setState] = useState<CompassLoad | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let pending = cache.get(id);
    if (pending === undefined) {
      pending = load(id);
      cache.set(id, pending);
      void pending.then((result) => {
        if (result.status !== 'ok') cache.delete(id);
      });
    }
    void pending.then((result) => {
      if (live) setState(result);
    });
    return () => {
      live = false;
    };
  }, [id, load]);
  return state;
}
