/**
 * The flags Debian's Chromium runs with in the end-to-end tests and the benchmarks: headless, and
 * nothing that reaches out on its own (no sync, component updates, background networking or
 * QUIC), so that it runs on a machine without internet.
 */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Debian's Chromium, or `CHROMIUM_PATH`. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
