import type { Compass } from '../../../domain/bank/types.ts';
import type { BalanceOptions } from '../../../domain/workbench/balance.ts';
import type { BalanceRequest, BalanceResponse } from './balance-message.ts';

/** What the scheduler needs of a Worker: a fake one in tests. */
export interface BalanceWorker {
  postMessage(message: BalanceRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

export interface BalanceScheduler {
  /** Asks for the balance of `compass`; replaces any request still waiting. */
  submit(compass: Compass, options?: BalanceOptions): void;
  /** Terminates the worker; answers still on their way are dropped. */
  dispose(): void;
}

/** The worker's answer, checked for the fields this side reads. */
function readResponse(data: unknown): BalanceResponse {
  const record = typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  const id = Number.isInteger(record.id) ? (record.id as number) : null;
  if (
    record.ok === true &&
    typeof record.balance === 'object' &&
    record.balance !== null &&
    id !== null
  )
    return data as BalanceResponse;
  return {
    id,
    ok: false,
    message: typeof record.message === 'string' ? record.message : 'not a balance answer',
  };
}

/**
 * Sends balance requests to one worker, created with the first request, one at a time: a request
 * made while another is computing waits, and a newer one replaces it, so answers come back in the
 * order of the compasses' versions and none is computed that is already out of date when it
 * starts. `answer` gets each response with the compass it is for (an error response, or
 * `{ ok: false }` when the worker failed; the next request then starts a new worker).
 */
export function balanceScheduler(
  create: () => BalanceWorker,
  answer: (compass: Compass, response: BalanceResponse) => void,
): BalanceScheduler {
  let worker: BalanceWorker | null = null;
  let running: BalanceRequest | null = null;
  let waiting: BalanceRequest | null = null;
  let lastId = 0;
  let disposed = false;

  const finish = (response: BalanceResponse) => {
    const request = running;
    // Only one request is in the worker, so an answer without an id (its request had none,
    // which ours always have) is about it too.
    if (request === null || (response.id !== null && response.id !== request.id)) return;
    running = null;
    answer(request.compass, response);
    pump();
  };

  const start = (): BalanceWorker => {
    const created = create();
    created.onmessage = (event) => finish(readResponse(event.data));
    created.onerror = (event) => {
      event.preventDefault();
      created.terminate();
      worker = null;
      if (running !== null)
        finish({ id: running.id, ok: false, message: 'the balance worker failed' });
    };
    return created;
  };

  function pump(): void {
    if (disposed || running !== null || waiting === null) return;
    running = waiting;
    waiting = null;
    worker ??= start();
    worker.postMessage(running);
  }

  return {
    submit(compass, options) {
      lastId += 1;
      waiting = { id: lastId, compass, ...(options !== undefined ? { options } : {}) };
      pump();
    },
    dispose() {
      disposed = true;
      worker?.terminate();
      worker = null;
      running = null;
      waiting = null;
    },
  };
}
