/**
 * Test helpers for the HTTP service: a small built site in a temporary folder (the prerendered
 * start page index.html, a prerendered statement page, the app shell app.html, a hashed asset,
 * embed.js and the compass as open data, as `npm run build` lays them out), and a
 * reader of Server-Sent Events from a fetch response.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Compass } from '../../domain/bank/types.ts';

export const INDEX_HTML =
  '<!doctype html><title>Valkompass</title><div id="root" data-prerendered="/">Start</div>';
export const SHELL_HTML = '<!doctype html><title>Valkompass</title><div id="root"></div>';
/** A prerendered page, at `PAGE_PATH`. */
export const PAGE_HTML =
  '<!doctype html><title>Valkompass</title><div id="root" data-prerendered="/demo/fraga/1">1</div>';
export const PAGE_PATH = '/demo/fraga/1';
export const ASSET_PATH = '/assets/index-Abc123.js';

export interface TestSite {
  readonly dir: string;
  remove(): void;
}

/** A folder like dist/: the compasses in data/<id>.json next to files that are not compasses. */
export function makeSite(compasses: readonly Compass[]): TestSite {
  const dir = mkdtempSync(join(tmpdir(), 'valkompass-site-'));
  mkdirSync(join(dir, 'assets'));
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'index.html'), INDEX_HTML);
  writeFileSync(join(dir, 'app.html'), SHELL_HTML);
  mkdirSync(join(dir, PAGE_PATH), { recursive: true });
  writeFileSync(join(dir, PAGE_PATH, 'index.html'), PAGE_HTML);
  writeFileSync(join(dir, ASSET_PATH), 'console.log("app");');
  writeFileSync(join(dir, 'embed.js'), 'console.log("embed");');
  for (const compass of compasses) {
    writeFileSync(join(dir, 'data', `${compass.id}.json`), JSON.stringify(compass));
    writeFileSync(join(dir, 'data', `${compass.id}-method.json`), '{"not":"a compass"}');
  }
  writeFileSync(join(dir, 'data', 'compass.schema.json'), '{}');
  writeFileSync(join(dir, 'data', 'broken.json'), '{');
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface SseEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Reads the events of a `text/event-stream` response one at a time: `next()` resolves the next
 * event (comments skipped), or null when the stream ended.
 */
export function sseReader(response: Response): {
  /** The next event; with `comments`, a comment line counts too, as `{ event: ':', data: text }`. */
  next(options?: { comments?: boolean }): Promise<SseEvent | null>;
  comments: () => number;
} {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let comments = 0;
  return {
    comments: () => comments,
    async next({ comments: withComments = false } = {}) {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          let event = 'message';
          const data: string[] = [];
          let isComment = true;
          let comment = '';
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) {
              comment = line.slice(1).trim();
              continue;
            }
            isComment = false;
            if (line.startsWith('event:')) event = line.slice(6).trim();
            else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
          }
          if (isComment) {
            comments += 1;
            if (withComments) return { event: ':', data: comment };
            continue;
          }
          return { event, data: data.join('\n') };
        }
        const chunk = await reader.read();
        if (chunk.done) return null;
        buffer += chunk.value;
      }
    },
  };
}
