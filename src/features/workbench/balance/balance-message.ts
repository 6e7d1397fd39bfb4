/**
 * The messages between the balance panel and its Web Worker, and the worker's handler as a plain
 * function (`handleBalanceMessage`), so that it can be tested without a worker: balance.worker.ts
 * only wires it to `self.onmessage`.
 */
import type { Compass } from '../../../domain/bank/types.ts';
import {
  type BalanceOptions,
  type DraftBalance,
  draftBalance,
} from '../../../domain/workbench/balance.ts';

/** Page → worker: compute the balance of `compass`; `id` comes back with the answer. */
export interface BalanceRequest {
  readonly id: number;
  readonly compass: Compass;
  readonly options?: BalanceOptions;
}

/** Worker → page: the figures, or why there are none (`id` null when the request had none). */
export type BalanceResponse =
  | { readonly id: number; readonly ok: true; readonly balance: DraftBalance }
  | { readonly id: number | null; readonly ok: false; readonly message: string };

/** The most random voters per row a request may ask for (a recompute must stay short). */
export const MAX_VOTERS = 10_000;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The options of a request, or a reason they are not options. */
function readOptions(x: unknown): BalanceOptions | string {
  if (x === undefined) return {};
  if (!isRecord(x)) return 'options is not an object';
  const { voters, seed, skipped } = x;
  if (
    voters !== undefined &&
    !(Number.isInteger(voters) && (voters as number) >= 1 && (voters as number) <= MAX_VOTERS)
  )
    return `options.voters must be a whole number from 1 to ${MAX_VOTERS}`;
  if (seed !== undefined && !Number.isInteger(seed)) return 'options.seed must be a whole number';
  if (
    skipped !== undefined &&
    !(Array.isArray(skipped) && skipped.every((s) => typeof s === 'number' && s >= 0 && s <= 1))
  )
    return 'options.skipped must be a list of shares from 0 to 1';
  return {
    ...(voters !== undefined ? { voters: voters as number } : {}),
    ...(seed !== undefined ? { seed: seed as number } : {}),
    ...(skipped !== undefined ? { skipped: skipped as number[] } : {}),
  };
}

/**
 * A compass enough for the balance: the lists and rules it reads. The page sends what
 * `draftToCompass` built, which need not pass the bank's checks (it may lack stances); the engine
 * rejects a stance off the scale itself.
 */
function isCompassShape(x: unknown): x is Compass {
  if (!isRecord(x)) return false;
  const { statements, parties, themes, rules } = x;
  return (
    Array.isArray(statements) &&
    statements.every((s) => isRecord(s) && typeof s.id === 'string' && isRecord(s.stances)) &&
    Array.isArray(parties) &&
    parties.every((p) => isRecord(p) && typeof p.id === 'string') &&
    Array.isArray(themes) &&
    isRecord(rules)
  );
}

/** Answers one message: the balance of its compass, or `ok: false` with the reason. */
export function handleBalanceMessage(data: unknown): BalanceResponse {
  if (!isRecord(data) || !Number.isInteger(data.id))
    return { id: null, ok: false, message: 'a request needs a whole-number id' };
  const id = data.id as number;
  if (!isCompassShape(data.compass))
    return { id, ok: false, message: 'compass is not a compass (statements, parties, rules)' };
  const options = readOptions(data.options);
  if (typeof options === 'string') return { id, ok: false, message: options };
  try {
    return { id, ok: true, balance: draftBalance(data.compass, options) };
  } catch (error) {
    return { id, ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
