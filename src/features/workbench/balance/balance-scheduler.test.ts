import { describe, expect, it } from 'vitest';
import type { Compass } from '../../../domain/bank/types.ts';
import { demoCompass } from '../../../test/render-app.tsx';
import type { BalanceRequest, BalanceResponse } from './balance-message.ts';
import { handleBalanceMessage } from './balance-message.ts';
import { balanceScheduler, type BalanceWorker } from './balance-scheduler.ts';

/** A worker the test answers by hand: it keeps what it was sent. */
class FakeWorker implements BalanceWorker {
  readonly sent: BalanceRequest[] = [];
  terminated = false;
  onmessage: BalanceWorker['onmessage'] = null;
  onerror: BalanceWorker['onerror'] = null;
  postMessage(message: BalanceRequest) {
    this.sent.push(message);
  }
  terminate() {
    this.terminated = true;
  }
  /** Answers the request sent `index`-th (0 = the first), as the real worker would. */
  answer(index: number, data: unknown = handleBalanceMessage(this.sent[index])) {
    this.onmessage!({ data } as MessageEvent<unknown>);
  }
  fail() {
    this.onerror!({ preventDefault() {} } as ErrorEvent);
  }
}

/** Versions of the demo compass: distinct objects, as each edit of a draft gives. */
const version = (n: number): Compass => ({ ...demoCompass, version: String(n) });

function setUp() {
  const workers: FakeWorker[] = [];
  const answers: [string, BalanceResponse['ok']][] = [];
  const scheduler = balanceScheduler(
    () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker;
    },
    (compass, response) => answers.push([compass.version, response.ok]),
  );
  return { workers, answers, scheduler };
}

describe('balanceScheduler', () => {
  it('creates its worker with the first request, not before', () => {
    const { workers, scheduler } = setUp();
    expect(workers).toHaveLength(0);
    scheduler.submit(version(1), { voters: 5 });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.sent).toEqual([{ id: 1, compass: version(1), options: { voters: 5 } }]);
  });

  it('sends one request at a time, and of those made meanwhile only the newest', () => {
    const { workers, answers, scheduler } = setUp();
    scheduler.submit(version(1), { voters: 5 });
    scheduler.submit(version(2), { voters: 5 });
    scheduler.submit(version(3), { voters: 5 });
    const worker = workers[0]!;
    expect(worker.sent.map((r) => r.compass.version)).toEqual(['1']);
    worker.answer(0);
    expect(worker.sent.map((r) => r.compass.version)).toEqual(['1', '3']);
    worker.answer(1);
    expect(answers).toEqual([
      ['1', true],
      ['3', true],
    ]);
    expect(workers).toHaveLength(1);
  });

  it('ignores an answer that is not for the request in the worker', () => {
    const { workers, answers, scheduler } = setUp();
    scheduler.submit(version(1), { voters: 5 });
    const worker = workers[0]!;
    worker.answer(0, { ...handleBalanceMessage(worker.sent[0]), id: 99 });
    expect(answers).toEqual([]);
    worker.answer(0);
    expect(answers).toEqual([['1', true]]);
  });

  it("reports a worker's refusal and an answer it cannot read as failures", () => {
    const { workers, answers, scheduler } = setUp();
    scheduler.submit(version(1));
    workers[0]!.answer(0, { id: 1, ok: false, message: 'no' });
    scheduler.submit(version(2));
    workers[0]!.answer(1, 'garbage');
    expect(answers).toEqual([
      ['1', false],
      ['2', false],
    ]);
  });

  it('reports a crashed worker as a failure and starts a new one for the next request', () => {
    const { workers, answers, scheduler } = setUp();
    scheduler.submit(version(1), { voters: 5 });
    scheduler.submit(version(2), { voters: 5 });
    workers[0]!.fail();
    expect(workers[0]!.terminated).toBe(true);
    expect(answers).toEqual([['1', false]]);
    // The waiting request goes to a new worker.
    expect(workers).toHaveLength(2);
    expect(workers[1]!.sent.map((r) => r.compass.version)).toEqual(['2']);
  });

  it('terminates the worker on dispose and drops what comes after', () => {
    const { workers, answers, scheduler } = setUp();
    scheduler.submit(version(1), { voters: 5 });
    scheduler.dispose();
    expect(workers[0]!.terminated).toBe(true);
    workers[0]!.answer(0);
    scheduler.submit(version(2), { voters: 5 });
    expect(answers).toEqual([]);
    expect(workers).toHaveLength(1);
  });
});
