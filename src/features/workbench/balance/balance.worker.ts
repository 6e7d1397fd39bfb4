/**
 * The balance panel's Web Worker: computes `draftBalance` off the main thread, so that editing
 * stays responsive while the random voters are scored. Started by use-draft-balance.ts with
 * `new Worker(new URL('./balance.worker.ts', import.meta.url), { type: 'module' })`.
 */
import { handleBalanceMessage } from './balance-message.ts';

/** The worker's own scope; typed here because the app's TypeScript has DOM types, not WebWorker. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: unknown): void;
};

scope.onmessage = (event) => {
  scope.postMessage(handleBalanceMessage(event.data));
};
