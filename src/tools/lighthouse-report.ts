/**
 * Reading a Lighthouse 12 result for `bench-lighthouse.ts`: the figures it reports, and a few
 * lines on what the LCP waited for.
 */
import type { Result } from 'lighthouse';

/** One run's figures (times in ms, bytes as transferred, i.e. gzip plus headers). */
export interface Figures {
  score: number;
  lcp: number;
  fcp: number;
  tbt: number;
  cls: number;
  si: number;
  jsBytes: number;
}

/** Seconds with two decimals, e.g. `2.31 s`. */
export const seconds = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
/** Kibibytes with one decimal, e.g. `120.2 kB` (as the issue and size budget count). */
export const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} kB`;

/** The middle value (the mean of the two middle ones for an even count). */
export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const numeric = (lhr: Result, id: string): number => {
  const value = lhr.audits[id]?.numericValue;
  if (value === undefined)
    throw new Error(`Lighthouse gave no value for ${id} (${lhr.finalDisplayedUrl})`);
  return value;
};

/** Script bytes transferred, from the resource summary (falls back to the request list). */
function scriptBytes(lhr: Result): number {
  const rows = tableItems(lhr, 'resource-summary');
  const script = rows.find((row) => row.resourceType === 'script');
  if (typeof script?.transferSize === 'number') return script.transferSize;
  return tableItems(lhr, 'network-requests')
    .filter((row) => row.resourceType === 'Script')
    .reduce((sum, row) => sum + (typeof row.transferSize === 'number' ? row.transferSize : 0), 0);
}

type Row = Record<string, unknown>;

/** The rows of an audit's table (or of the tables in its list), [] when it has none. */
function tableItems(lhr: Result, id: string): Row[] {
  const details = lhr.audits[id]?.details as { type?: string; items?: unknown[] } | undefined;
  if (!details?.items) return [];
  if (details.type === 'list')
    return details.items.flatMap((item) => ((item as { items?: Row[] }).items ?? []) as Row[]);
  return details.items as Row[];
}

/** What the LCP element was and where its time went (TTFB, load delay, load, render delay). */
function lcpElement(lhr: Result): string[] {
  const audit = lhr.audits['largest-contentful-paint-element'];
  // Lighthouse 12.2 cannot read a newer Chromium's trace for this (TraceElements fails).
  if (audit?.scoreDisplayMode === 'error')
    return [`LCP element: not available (${(audit.errorMessage ?? '').slice(0, 90)}…)`];
  const rows = tableItems(lhr, 'largest-contentful-paint-element');
  const node = rows.find((row) => typeof row.node === 'object')?.node as
    { selector?: string; snippet?: string; nodeLabel?: string } | undefined;
  const phases = rows
    .filter((row) => typeof row.phase === 'string' && typeof row.timing === 'number')
    .map((row) => `${String(row.phase)} ${Math.round(row.timing as number)} ms`);
  return [
    `LCP element: ${node ? `${node.snippet ?? node.selector ?? '?'} "${(node.nodeLabel ?? '').slice(0, 60)}"` : 'none'}`,
    ...(phases.length > 0 ? [`LCP phases: ${phases.join(', ')}`] : []),
  ];
}

/**
 * What the page fetched before its LCP in the unthrottled trace. Lighthouse's simulation (Lantern)
 * builds its LCP estimate from every request that ended before the observed LCP, plus the
 * main-thread work around them, so these are what the reported LCP waits on, needed or not.
 */
function beforeLcp(lhr: Result): string[] {
  const metrics = tableItems(lhr, 'metrics')[0];
  const observed = metrics?.observedLargestContentfulPaint;
  const navigationTs = metrics?.observedNavigationStartTs;
  if (typeof observed !== 'number' || typeof navigationTs !== 'number') return [];
  const debug = (lhr.audits['network-requests']?.details as { debugData?: Row } | undefined)
    ?.debugData;
  const networkTs = debug?.networkStartTimeTs;
  // Request times count from the first request; shift them onto the navigation's clock.
  const shift = typeof networkTs === 'number' ? (networkTs - navigationTs) / 1000 : 0;
  const requests = tableItems(lhr, 'network-requests')
    .filter((row) => typeof row.networkEndTime === 'number')
    .map((row) => ({
      url: String(row.url),
      type: String(row.resourceType),
      bytes: typeof row.transferSize === 'number' ? row.transferSize : 0,
      end: (row.networkEndTime as number) + shift,
    }))
    .filter((request) => request.end <= observed)
    .sort((a, b) => a.end - b.end);
  const bytesOf = (type: string) =>
    kilobytes(requests.filter((r) => r.type === type).reduce((sum, r) => sum + r.bytes, 0));
  const last = requests
    .slice(-3)
    .map((r) => `${new URL(r.url).pathname} at ${Math.round(r.end)} ms`)
    .join(', ');
  const scripting = tableItems(lhr, 'mainthread-work-breakdown').find(
    (row) => row.group === 'scriptEvaluation',
  )?.duration;
  return [
    `before LCP (unthrottled, FCP ${Math.round(Number(metrics?.observedFirstContentfulPaint))} ms, LCP ${Math.round(observed)} ms): ` +
      `${requests.length} requests, JS ${bytesOf('Script')}, other ${bytesOf('Other')}, XHR/fetch ${bytesOf('Fetch')}; last: ${last}`,
    ...(typeof scripting === 'number'
      ? [`script evaluation over the whole load (unthrottled): ${Math.round(scripting)} ms`]
      : []),
  ];
}

/** One line: `score 95 · LCP 2.18 s · FCP 1.81 s · TBT 119 ms · CLS 0.000 · SI 3.98 s · JS 121.1 kB`. */
export function describeFigures(figures: Figures): string {
  return [
    `score ${figures.score}`,
    `LCP ${seconds(figures.lcp)}`,
    `FCP ${seconds(figures.fcp)}`,
    `TBT ${Math.round(figures.tbt)} ms`,
    `CLS ${figures.cls.toFixed(3)}`,
    `SI ${seconds(figures.si)}`,
    `JS ${kilobytes(figures.jsBytes)}`,
  ].join(' · ');
}

/** The median of each figure on its own (so the result need not be any one run). */
export function medianFigures(all: readonly Figures[]): Figures {
  const of = (key: keyof Figures) => median(all.map((figures) => figures[key]));
  return {
    score: of('score'),
    lcp: of('lcp'),
    fcp: of('fcp'),
    tbt: of('tbt'),
    cls: of('cls'),
    si: of('si'),
    jsBytes: of('jsBytes'),
  };
}

/** One run's figures, read from its result. */
export function readFigures(lhr: Result): Figures {
  return {
    score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcp: numeric(lhr, 'largest-contentful-paint'),
    fcp: numeric(lhr, 'first-contentful-paint'),
    tbt: numeric(lhr, 'total-blocking-time'),
    cls: numeric(lhr, 'cumulative-layout-shift'),
    si: numeric(lhr, 'speed-index'),
    jsBytes: scriptBytes(lhr),
  };
}

/**
 * Lines on what the LCP waited for: its element and phases when Lighthouse has them, and the
 * requests that finished before it.
 */
export function lcpDiagnosis(lhr: Result): string[] {
  return [...lcpElement(lhr), ...beforeLcp(lhr)];
}
