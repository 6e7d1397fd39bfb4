// @vitest-environment jsdom
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Compass } from '../../../domain/bank/types.ts';
import { draftBalance } from '../../../domain/workbench/balance.ts';
import { demoCompass } from '../../../test/render-app.tsx';
import type { BalanceRequest } from './balance-message.ts';
import { handleBalanceMessage } from './balance-message.ts';
import type { BalanceWorker } from './balance-scheduler.ts';
import { useDraftBalance } from './use-draft-balance.ts';

/** The worker's answer comes after a computation: on a busy machine that can take a while. */
const PATIENT = { timeout: 5000 };

/** A worker that answers each request after the current task, as the real one does (later). */
class AsyncWorker implements BalanceWorker {
  readonly sent: BalanceRequest[] = [];
  terminated = false;
  onmessage: BalanceWorker['onmessage'] = null;
  onerror: BalanceWorker['onerror'] = null;
  postMessage(message: BalanceRequest) {
    this.sent.push(message);
    setTimeout(() => {
      if (!this.terminated)
        this.onmessage?.({ data: handleBalanceMessage(message) } as MessageEvent<unknown>);
    });
  }
  terminate() {
    this.terminated = true;
  }
}

const version = (n: number): Compass => ({ ...demoCompass, version: String(n) });

function setUp(initial: Compass | null) {
  const workers: AsyncWorker[] = [];
  const createWorker = () => {
    const worker = new AsyncWorker();
    workers.push(worker);
    return worker;
  };
  const hook = renderHook(
    ({ compass }: { compass: Compass | null }) =>
      useDraftBalance(compass, { delay: 0, voters: 10, createWorker }),
    { initialProps: { compass: initial } },
  );
  return { workers, hook };
}

describe('useDraftBalance', () => {
  it('is idle without a compass and creates no worker', () => {
    const { workers, hook } = setUp(null);
    expect(hook.result.current).toEqual({ balance: null, status: 'idle', updates: 0 });
    expect(workers).toHaveLength(0);
  });

  it("computes the compass's figures in the worker, then says they are ready", async () => {
    const { workers, hook } = setUp(version(1));
    expect(hook.result.current.status).toBe('computing');
    await waitFor(() => expect(hook.result.current.status).toBe('ready'), PATIENT);
    expect(hook.result.current.balance).toEqual(draftBalance(version(1), { voters: 10 }));
    expect(hook.result.current.updates).toBe(1);
    expect(workers).toHaveLength(1);
  });

  it('shows the latest version once the edits stop, computed by one worker', async () => {
    const { workers, hook } = setUp(version(1));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'), PATIENT);
    const partial: Compass = {
      ...version(3),
      statements: demoCompass.statements.map((s, j) => (j === 0 ? { ...s, stances: {} } : s)),
    };
    hook.rerender({ compass: version(2) });
    expect(hook.result.current.status).toBe('computing');
    hook.rerender({ compass: partial });
    await waitFor(() => expect(hook.result.current.status).toBe('ready'), PATIENT);
    expect(hook.result.current.balance).toEqual(draftBalance(partial, { voters: 10 }));
    expect(hook.result.current.balance!.complete).toBe(false);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent.at(-1)!.compass).toBe(partial);
  });

  it('says so when the figures cannot be computed, keeping the last ones', async () => {
    const { hook } = setUp(version(1));
    await waitFor(() => expect(hook.result.current.status).toBe('ready'), PATIENT);
    const [first, ...rest] = demoCompass.statements;
    const party = demoCompass.parties[0]!.id;
    const broken = {
      ...demoCompass,
      statements: [
        { ...first!, stances: { ...first!.stances, [party]: { position: 2, confidence: 1 } } },
        ...rest,
      ],
    } as unknown as Compass;
    hook.rerender({ compass: broken });
    await waitFor(() => expect(hook.result.current.status).toBe('error'), PATIENT);
    expect(hook.result.current.balance).toEqual(draftBalance(version(1), { voters: 10 }));
  });

  it("works under React's StrictMode, which mounts, unmounts and mounts again", async () => {
    const workers: AsyncWorker[] = [];
    const createWorker = () => {
      const worker = new AsyncWorker();
      workers.push(worker);
      return worker;
    };
    const compass = version(1);
    const hook = renderHook(
      () => useDraftBalance(compass, { delay: 0, voters: 10, createWorker }),
      { reactStrictMode: true },
    );
    await waitFor(() => expect(hook.result.current.status).toBe('ready'), PATIENT);
    expect(workers.filter((w) => !w.terminated)).toHaveLength(1);
    hook.unmount();
    expect(workers.every((w) => w.terminated)).toBe(true);
  });

  it('terminates the worker on unmount', async () => {
    const { workers, hook } = setUp(version(1));
    await waitFor(() => expect(workers).toHaveLength(1), PATIENT);
    hook.unmount();
    expect(workers[0]!.terminated).toBe(true);
  });
});
