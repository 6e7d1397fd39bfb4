/**
 * How much of a page's blocking time is its own work, for `bench-lighthouse.ts`. Lighthouse's
 * Total Blocking Time (simulated mobile) takes each main-thread task after the first paint as it
 * lasted in the trace, multiplies it by the CPU slowdown (4), and counts what exceeds 50 ms. The
 * trace's duration is wall time: on a machine with few cores, a task also lasts while its thread
 * waits for a core that the browser's compositor, its compile threads or Lighthouse itself are
 * using. Chromium records each task's thread CPU time too (`tdur`); the same sum over CPU time is
 * what the page's own work would block on a phone that gave the page's thread a core of its own.
 */

/** A Chrome trace event, as far as this reads one (times in µs). */
export interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly pid: number;
  readonly tid: number;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly args?: { readonly name?: string };
}

export interface MainThreadCpu {
  /** Tasks on the page's main thread that began after its first contentful paint. */
  readonly tasks: number;
  /** Their summed wall time and thread CPU time, in ms. */
  readonly wallMs: number;
  readonly cpuMs: number;
  /** The longest task's CPU time, in ms. */
  readonly longestCpuMs: number;
  /** Σ max(0, slowdown × duration − 50 ms) over wall time and over CPU time. */
  readonly blockingFromWallMs: number;
  readonly blockingFromCpuMs: number;
}

/** Lighthouse's mobile CPU slowdown and the long-task threshold TBT counts from. */
const SLOWDOWN = 4;
const LONG_TASK_MS = 50;
const TASK_NAMES = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

const blocking = (ms: number) => Math.max(0, SLOWDOWN * ms - LONG_TASK_MS);

/**
 * The page's main-thread tasks after its first contentful paint, in wall and CPU time; `null`
 * when the trace has no paint or no CPU times (a trace recorded without thread timing).
 */
export function mainThreadCpu(events: readonly TraceEvent[]): MainThreadCpu | null {
  const paint = events.find((event) => event.name === 'firstContentfulPaint');
  if (!paint) return null;
  // The paint is reported from the renderer's main thread: the tasks of that thread.
  const main = events.find(
    (event) =>
      event.name === 'thread_name' &&
      event.pid === paint.pid &&
      event.args?.name === 'CrRendererMain',
  );
  const tid = main?.tid ?? paint.tid;
  const tasks = events.filter(
    (event) =>
      event.ph === 'X' &&
      TASK_NAMES.has(event.name) &&
      event.pid === paint.pid &&
      event.tid === tid &&
      event.ts > paint.ts &&
      event.dur !== undefined,
  );
  if (tasks.length > 0 && tasks.every((task) => task.tdur === undefined)) return null;
  let wallMs = 0;
  let cpuMs = 0;
  let longestCpuMs = 0;
  let blockingFromWallMs = 0;
  let blockingFromCpuMs = 0;
  for (const task of tasks) {
    const wall = (task.dur ?? 0) / 1000;
    const cpu = (task.tdur ?? 0) / 1000;
    wallMs += wall;
    cpuMs += cpu;
    longestCpuMs = Math.max(longestCpuMs, cpu);
    blockingFromWallMs += blocking(wall);
    blockingFromCpuMs += blocking(cpu);
  }
  return {
    tasks: tasks.length,
    wallMs,
    cpuMs,
    longestCpuMs,
    blockingFromWallMs,
    blockingFromCpuMs,
  };
}

/** One line, e.g. `after FCP: 31 tasks, 425 ms wall, 175 ms CPU (longest 11.5) · blocking 4×: 593 ms wall, 0 ms CPU`. */
export function describeMainThreadCpu(figures: MainThreadCpu): string {
  const ms = (value: number) => `${Math.round(value)} ms`;
  return (
    `main thread after FCP: ${figures.tasks} tasks, ${ms(figures.wallMs)} wall, ` +
    `${ms(figures.cpuMs)} CPU (longest ${figures.longestCpuMs.toFixed(1)} ms) · ` +
    `blocking at ${SLOWDOWN}×: ${ms(figures.blockingFromWallMs)} from wall time, ` +
    `${ms(figures.blockingFromCpuMs)} from CPU time`
  );
}
