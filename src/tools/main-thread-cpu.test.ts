import { describe, expect, it } from 'vitest';
import { describeMainThreadCpu, mainThreadCpu, type TraceEvent } from './main-thread-cpu.ts';

const PAGE = 10;
const MAIN = 1;
const thread = (pid: number, tid: number, name: string): TraceEvent => ({
  name: 'thread_name',
  ph: 'M',
  pid,
  tid,
  ts: 0,
  args: { name },
});
const task = (ts: number, durMs: number, cpuMs?: number, where = { pid: PAGE, tid: MAIN }) => ({
  name: 'RunTask',
  ph: 'X',
  ...where,
  ts,
  dur: durMs * 1000,
  ...(cpuMs === undefined ? {} : { tdur: cpuMs * 1000 }),
});
const paint: TraceEvent = { name: 'firstContentfulPaint', ph: 'R', pid: PAGE, tid: MAIN, ts: 1000 };

describe('mainThreadCpu', () => {
  it('counts the tasks after the first paint, in wall and CPU time, at a 4× slowdown', () => {
    const figures = mainThreadCpu([
      thread(PAGE, MAIN, 'CrRendererMain'),
      thread(PAGE, 2, 'Compositor'),
      paint,
      task(500, 40, 40), // before the paint: not counted
      task(2000, 40, 5), // 160 − 50 = 110 from wall, 0 from CPU
      task(3000, 20, 15), // 80 − 50 = 30 from wall, 60 − 50 = 10 from CPU
      task(4000, 10, 10), // under the threshold both ways
      task(5000, 90, 90, { pid: PAGE, tid: 2 }), // another thread
      task(6000, 90, 90, { pid: 99, tid: MAIN }), // another process
    ]);
    expect(figures).toEqual({
      tasks: 3,
      wallMs: 70,
      cpuMs: 30,
      longestCpuMs: 15,
      blockingFromWallMs: 140,
      blockingFromCpuMs: 10,
    });
    expect(describeMainThreadCpu(figures!)).toBe(
      'main thread after FCP: 3 tasks, 70 ms wall, 30 ms CPU (longest 15.0 ms) · ' +
        'blocking at 4×: 140 ms from wall time, 10 ms from CPU time',
    );
  });

  it('says nothing when the trace has no paint or no CPU times', () => {
    expect(mainThreadCpu([thread(PAGE, MAIN, 'CrRendererMain'), task(2000, 40, 5)])).toBeNull();
    expect(mainThreadCpu([thread(PAGE, MAIN, 'CrRendererMain'), paint, task(2000, 40)])).toBeNull();
  });
});
