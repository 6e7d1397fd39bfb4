import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Compass } from '../../../domain/bank/types.ts';
import { draftBalance } from '../../../domain/workbench/balance.ts';
import { demoCompass } from '../../../test/render-app.tsx';
import { handleBalanceMessage, MAX_VOTERS } from './balance-message.ts';

describe('handleBalanceMessage', () => {
  it("answers a request with draftBalance's figures and the request's id", () => {
    const response = handleBalanceMessage({ id: 7, compass: demoCompass, options: { voters: 20 } });
    expect(response).toEqual({
      id: 7,
      ok: true,
      balance: draftBalance(demoCompass, { voters: 20 }),
    });
  });

  it('takes a compass whose stances are not all coded yet', () => {
    const [first, ...rest] = demoCompass.statements;
    const partial: Compass = {
      ...demoCompass,
      statements: [{ ...first!, stances: {} }, ...rest],
    };
    const response = handleBalanceMessage({ id: 1, compass: partial, options: { voters: 5 } });
    expect(response.ok && response.balance.uncoded.length).toBe(demoCompass.parties.length);
  });

  it('refuses what is not a request, with the id when there is one', () => {
    expect(handleBalanceMessage('hello')).toMatchObject({ id: null, ok: false });
    expect(handleBalanceMessage({ id: 1.5, compass: demoCompass })).toMatchObject({
      id: null,
      ok: false,
    });
    expect(handleBalanceMessage({ id: 2, compass: { statements: 'none' } })).toMatchObject({
      id: 2,
      ok: false,
      message: expect.stringContaining('compass') as string,
    });
    for (const options of [
      { voters: 0 },
      { voters: MAX_VOTERS + 1 },
      { voters: 2.5 },
      { seed: 'x' },
      { skipped: [1.5] },
      [],
    ])
      expect(handleBalanceMessage({ id: 3, compass: demoCompass, options })).toMatchObject({
        id: 3,
        ok: false,
        message: expect.stringContaining('options') as string,
      });
  });

  it("answers the engine's refusal of a stance off the scale as a message, not a throw", () => {
    const [first, ...rest] = demoCompass.statements;
    const party = demoCompass.parties[0]!.id;
    const broken = {
      ...demoCompass,
      statements: [
        { ...first!, stances: { ...first!.stances, [party]: { position: 2, confidence: 1 } } },
        ...rest,
      ],
    };
    expect(handleBalanceMessage({ id: 4, compass: broken, options: { voters: 5 } })).toEqual({
      id: 4,
      ok: false,
      message: expect.stringContaining('invalid position') as string,
    });
  });
});

describe('balance.worker.ts', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("wires the handler to the worker's onmessage and posts its answer back", async () => {
    const posted: unknown[] = [];
    const scope: { onmessage: ((event: { data: unknown }) => void) | null } & {
      postMessage(message: unknown): void;
    } = { onmessage: null, postMessage: (message) => posted.push(message) };
    vi.stubGlobal('self', scope);
    await import('./balance.worker.ts');
    scope.onmessage!({ data: { id: 9, compass: demoCompass, options: { voters: 3 } } });
    expect(posted).toEqual([
      handleBalanceMessage({ id: 9, compass: demoCompass, options: { voters: 3 } }),
    ]);
  });
});
