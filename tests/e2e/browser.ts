import { type Browser, chromium } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';

/**
 * Debian's Chromium, headless, with flags that keep it from reaching out on its own (no sync,
 * component updates, background networking or QUIC), so that it runs on a machine without internet.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Serves the built site (dist/) on a free local port. */
export async function serveBuiltSite(): Promise<{ server: PreviewServer; url: string }> {
  const server = await preview({
    preview: { port: 0, host: '127.0.0.1', open: false },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('the preview server did not report its address');
  return { server, url: url.replace(/\/$/, '') };
}
