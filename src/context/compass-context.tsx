import { createContext, useContext } from 'react';
import type { Compass } from '../domain/bank/types.ts';

const CompassContext = createContext<Compass | null>(null);

export const CompassProvider = CompassContext.Provider;

/** The compass on screen; only inside the compass layout, which loads and validates it. */
export function useCompass(): Compass {
  const compass = useContext(CompassContext);
  if (compass === null) throw new Error('useCompass() outside <CompassProvider>');
  return compass;
}
