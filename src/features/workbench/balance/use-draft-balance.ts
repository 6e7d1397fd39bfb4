import { useEffect, useRef, useState } from 'react';
import type { Compass } from '../../../domain/bank/types.ts';
import type { DraftBalance } from '../../../domain/workbench/balance.ts';
import {
  type BalanceScheduler,
  balanceScheduler,
  type BalanceWorker,
} from './balance-scheduler.ts';

/** The balance's own Web Worker (Vite bundles balance.worker.ts and what it imports). */
export const createBalanceWorker = (): BalanceWorker =>
  new Worker(new URL('./balance.worker.ts', import.meta.url), { type: 'module' });

/** Wait after the last change before recomputing, ms: typing a word starts one recompute. */
export const BALANCE_DELAY_MS = 400;

/**
 * `idle`: no compass. `computing`: the figures shown (if any) are for an earlier version of the
 * compass. `ready`: they are for this one. `error`: they could not be computed for this one.
 */
export type BalanceStatus = 'idle' | 'computing' | 'ready' | 'error';

export interface DraftBalanceState {
  /** The latest figures, possibly for an earlier version (`status` says); null before the first. */
  readonly balance: DraftBalance | null;
  readonly status: BalanceStatus;
  /** How many times figures have arrived: changes exactly when the panel was recomputed. */
  readonly updates: number;
}

export interface DraftBalanceOptions {
  readonly delay?: number;
  /** Random voters per row; the domain's `BALANCE_VOTERS` when absent. */
  readonly voters?: number;
  /** Makes the worker (a fake one in tests); the first render's is used. */
  readonly createWorker?: () => BalanceWorker;
}

interface Shown {
  readonly balance: DraftBalance;
  readonly compass: Compass;
  readonly updates: number;
}

/**
 * The live balance figures of `compass` (null: none yet), computed in a Web Worker
 * (balance-scheduler.ts): recomputed `delay` ms after the compass last changed (a new compass
 * object is a change), the newest version winning. The worker is created with the first
 * computation and terminated on unmount. Pass a compass that is a new object only when the draft
 * changed (`useMemo(() => draftToCompass(draft).compass, [draft])`): a new one on every render
 * would start a recompute on every render.
 */
export function useDraftBalance(
  compass: Compass | null,
  {
    delay = BALANCE_DELAY_MS,
    voters,
    createWorker = createBalanceWorker,
  }: DraftBalanceOptions = {},
): DraftBalanceState {
  const [shown, setShown] = useState<Shown | null>(null);
  const [failed, setFailed] = useState<Compass | null>(null);
  const scheduler = useRef<BalanceScheduler | null>(null);
  const factory = useRef(createWorker);

  useEffect(() => {
    if (compass === null) return;
    const timer = setTimeout(() => {
      scheduler.current ??= balanceScheduler(factory.current, (forCompass, response) => {
        if (response.ok)
          setShown((before) => ({
            balance: response.balance,
            compass: forCompass,
            updates: (before?.updates ?? 0) + 1,
          }));
        else setFailed(forCompass);
      });
      scheduler.current.submit(compass, voters !== undefined ? { voters } : undefined);
    }, delay);
    return () => clearTimeout(timer);
  }, [compass, delay, voters]);

  useEffect(
    () => () => {
      scheduler.current?.dispose();
      scheduler.current = null;
    },
    [],
  );

  const status: BalanceStatus =
    compass === null
      ? 'idle'
      : shown?.compass === compass
        ? 'ready'
        : failed === compass
          ? 'error'
          : 'computing';
  return { balance: shown?.balance ?? null, status, updates: shown?.updates ?? 0 };
}
