import { describe, expect, it } from 'vitest';
import { type Edit, RETRY_DELAYS, type SendResult, SyncQueue, type Timer } from './queue.ts';

/** A service in memory: items with versions, answering as the workbench does (409 on a stale version). */
function fakeTransport() {
  const items = new Map<string, { version: number; value: unknown }>();
  const sent: Edit[] = [];
  let online = true;
  let refuse: string | null = null;
  const transport = {
    send: (edit: Edit): Promise<SendResult> => {
      sent.push(edit);
      if (!online) return Promise.resolve({ kind: 'network' });
      if (refuse !== null) return Promise.resolve({ kind: 'refused', message: refuse });
      const stored = items.get(edit.item);
      if ((stored?.version ?? null) !== edit.base)
        return Promise.resolve({
          kind: 'conflict',
          storedVersion: stored?.version ?? null,
          stored: stored ? { version: stored.version, updated: '', value: stored.value } : null,
          message: 'Ändrad.',
        });
      if (edit.op === 'delete') {
        items.delete(edit.item);
        return Promise.resolve({ kind: 'ok', version: null });
      }
      const version = (stored?.version ?? 0) + 1;
      items.set(edit.item, { version, value: edit.body });
      return Promise.resolve({ kind: 'ok', version });
    },
  };
  return {
    items,
    sent,
    transport,
    setOnline: (value: boolean) => (online = value),
    setRefusal: (message: string | null) => (refuse = message),
  };
}

/** Timers run only when the test says so. */
function manualTimer() {
  const waiting: { ms: number; run: () => void }[] = [];
  const timer: Timer = {
    after: (ms, run) => {
      const entry = { ms, run };
      waiting.push(entry);
      return () => waiting.splice(waiting.indexOf(entry) >>> 0, 1);
    },
  };
  return {
    timer,
    waiting,
    /** Runs every due timer and waits until the queue has sent what it can. */
    tick: async () => {
      for (const entry of waiting.splice(0)) entry.run();
      for (let i = 0; i < 20; i++) await Promise.resolve();
    },
  };
}

function memoryStorage(initial: string | null = null) {
  let text = initial;
  return { read: () => text, write: (next: string | null) => (text = next), peek: () => text };
}

function setup(storage = memoryStorage()) {
  const service = fakeTransport();
  const clock = manualTimer();
  const queue = new SyncQueue(service.transport, storage, clock.timer);
  return { service, clock, queue, storage };
}

describe('SyncQueue', () => {
  it('sends edits in order, each item on the version its previous write made', async () => {
    const { service, clock, queue } = setup();
    queue.put('meta', { title: 'A' });
    queue.put('party/s', { name: 'S' });
    await clock.tick();
    queue.put('meta', { title: 'B' });
    await clock.tick();
    expect(service.sent.map((e) => [e.item, e.base])).toEqual([
      ['meta', null],
      ['party/s', null],
      ['meta', 1],
    ]);
    expect(service.items.get('meta')).toEqual({ version: 2, value: { title: 'B' } });
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, state: 'idle' });
  });

  it('folds edits that have not left yet into one write', async () => {
    const { service, clock, queue } = setup();
    queue.put('meta', { title: 'A' });
    queue.put('meta', { title: 'AB' });
    queue.put('meta', { title: 'ABC' });
    expect(queue.getSnapshot()).toMatchObject({ pending: 1, state: 'sending' });
    await clock.tick();
    expect(service.sent).toHaveLength(1);
    expect(service.items.get('meta')?.value).toEqual({ title: 'ABC' });
  });

  it('keeps edits while the network is down, tries again with growing waits, then sends them', async () => {
    const { service, clock, queue } = setup();
    service.setOnline(false);
    queue.put('meta', { title: 'A' });
    queue.put('statement/x', { text: 'X' });
    await clock.tick();
    expect(queue.getSnapshot()).toMatchObject({ pending: 2, state: 'offline' });
    expect(clock.waiting.map((w) => w.ms)).toEqual([RETRY_DELAYS[0]]);
    await clock.tick();
    expect(clock.waiting.map((w) => w.ms)).toEqual([RETRY_DELAYS[1]]);
    service.setOnline(true);
    await clock.tick();
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, state: 'idle' });
    expect([...service.items.keys()]).toEqual(['meta', 'statement/x']);
  });

  it('survives a reload: a new queue on the same storage sends what the first could not', async () => {
    const storage = memoryStorage();
    const first = setup(storage);
    first.service.setOnline(false);
    first.queue.put('meta', { title: 'Kvar' });
    await first.clock.tick();
    first.queue.dispose();
    expect(storage.peek()).not.toBeNull();

    const second = setup(storage);
    expect(second.queue.getSnapshot().pending).toBe(1);
    second.queue.retryNow();
    await second.clock.tick();
    expect(second.service.items.get('meta')?.value).toEqual({ title: 'Kvar' });
    expect(storage.peek()).toBeNull();
  });

  it('stops only the conflicting item and offers both versions; keep mine sends on the stored version', async () => {
    const { service, clock, queue } = setup();
    service.items.set('meta', { version: 3, value: { title: 'Theirs' } });
    queue.know('meta', 2);
    queue.put('meta', { title: 'Mine' });
    queue.put('party/s', { name: 'S' });
    await clock.tick();
    const [block] = queue.getSnapshot().blocked;
    expect(block).toMatchObject({ item: 'meta', kind: 'conflict', storedVersion: 3 });
    expect(block?.mine.body).toEqual({ title: 'Mine' });
    expect(service.items.get('party/s')?.version).toBe(1);

    queue.keepMine('meta');
    await clock.tick();
    expect(service.items.get('meta')).toEqual({ version: 4, value: { title: 'Mine' } });
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, blocked: [] });
  });

  it('take theirs drops my edits and bases the next one on the stored version', async () => {
    const { service, clock, queue } = setup();
    service.items.set('meta', { version: 3, value: { title: 'Theirs' } });
    queue.know('meta', 2);
    queue.put('meta', { title: 'Mine' });
    await clock.tick();
    queue.takeTheirs('meta');
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, blocked: [] });
    queue.put('meta', { title: 'Next' });
    await clock.tick();
    expect(service.items.get('meta')).toEqual({ version: 4, value: { title: 'Next' } });
  });

  it('a stored item equal to mine is an earlier write whose answer was lost, not a conflict', async () => {
    const { service, clock, queue } = setup();
    service.items.set('meta', { version: 1, value: { title: 'Same' } });
    queue.put('meta', { title: 'Same' });
    await clock.tick();
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, blocked: [] });
    expect(queue.version('meta')).toBe(1);
  });

  it('a refusal stops the item with the service message until it is edited again', async () => {
    const { service, clock, queue } = setup();
    service.setRefusal('Titeln är för lång.');
    queue.put('meta', { title: 'x'.repeat(300) });
    await clock.tick();
    expect(queue.getSnapshot().blocked[0]).toMatchObject({
      kind: 'refused',
      message: 'Titeln är för lång.',
    });
    service.setRefusal(null);
    queue.put('meta', { title: 'Kort' });
    await clock.tick();
    expect(service.items.get('meta')?.value).toEqual({ title: 'Kort' });
  });

  it('deleting an item never sent forgets it; deleting a stored one sends its version', async () => {
    const { service, clock, queue } = setup();
    service.setOnline(false);
    queue.put('party/a', { name: 'A' });
    queue.delete('party/a');
    expect(queue.getSnapshot().pending).toBe(0);
    service.setOnline(true);
    queue.put('party/b', { name: 'B' });
    await clock.tick();
    queue.delete('party/b');
    await clock.tick();
    expect(service.sent.map((e) => [e.item, e.op, e.base])).toEqual([
      ['party/b', 'put', null],
      ['party/b', 'delete', 1],
    ]);
    expect(service.items.has('party/b')).toBe(false);
  });

  it('ignores a malformed stored queue', () => {
    const { queue } = setup(memoryStorage('{"edits":[{"seq":"x"}],"blocked":7}'));
    expect(queue.getSnapshot()).toMatchObject({ pending: 0, blocked: [] });
  });
});
