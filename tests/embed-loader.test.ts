// @vitest-environment jsdom
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { FRAME_SANDBOX, MAX_FRAME_HEIGHT, RESERVED_HEIGHT } from '../src/config/embed-contract.ts';
import { LEGACY_SEGMENTS } from '../src/config/paths.ts';
import { buildEmbedLoader, LOADER_BUDGET } from '../src/tools/embed-loader.ts';

// The loader as the build and the dev server make it, from src/features/embed/loader.ts.
let source: string;
let modules: readonly string[];
beforeAll(async () => {
  ({ code: source, sources: modules } = await buildEmbedLoader());
}, 60_000);
const APP = 'https://app.example';

function load(html: string) {
  document.body.innerHTML = html;
  Object.defineProperty(document, 'currentScript', {
    configurable: true,
    get: () => ({ src: `${APP}/embed.js` }),
  });
  new Function(source)();
  return [...document.querySelectorAll<HTMLIFrameElement>('iframe[data-valkompass-frame]')];
}

const send = (data: unknown, origin: string, from: Window | null) =>
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: from }));

let warn: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});
afterEach(() => {
  warn.mockRestore();
  document.body.innerHTML = '';
});

describe('embed.js', () => {
  it('puts a titled, lazy, sandboxed iframe of the app with reserved height in every container', () => {
    const frames = load(
      '<div data-valkompass="socialpolitik" data-lang="sv"></div><div data-valkompass="socialpolitik" data-statement="samma-budget"></div>',
    );
    expect(frames).toHaveLength(2);
    const [full, single] = frames as [HTMLIFrameElement, HTMLIFrameElement];
    expect(full.src).toBe(`${APP}/embed/socialpolitik?lang=sv`);
    expect(full.title).toBe('Valkompass');
    expect(full.getAttribute('loading')).toBe('lazy');
    expect(full.getAttribute('sandbox')).toBe(FRAME_SANDBOX);
    expect(full.getAttribute('referrerpolicy')).toBe('no-referrer');
    expect(full.style.height).toBe(`${RESERVED_HEIGHT.full}px`);
    expect(single.src).toBe(`${APP}/embed/socialpolitik?statement=samma-budget`);
    expect(single.style.height).toBe(`${RESERVED_HEIGHT.statement}px`);
  });

  it('passes valid options on, and ignores each invalid one with a console warning', () => {
    const [frame] = load(
      '<div data-valkompass="socialpolitik" data-lang="ar" data-parties="s,v" data-accent="#0b5cad" data-theme="dark" data-compact="true" data-start="quiz" data-title="Testa dina åsikter"></div>',
    );
    const query = new URL(frame!.src).searchParams;
    expect(Object.fromEntries(query)).toEqual({
      lang: 'ar',
      parties: 's,v',
      accent: '#0b5cad',
      theme: 'dark',
      compact: 'true',
      start: 'quiz',
    });
    expect(frame!.title).toBe('Testa dina åsikter');
    expect(frame!.style.height).toBe(`${RESERVED_HEIGHT.compact}px`);
    const [bad] = load(
      '<div data-valkompass="socialpolitik" data-lang="fr" data-accent="red" data-start="end" data-parties="s,,v" data-compact="yes"></div>',
    );
    expect(new URL(bad!.src).search).toBe('');
    expect(bad!.style.height).toBe(`${RESERVED_HEIGHT.full}px`);
    expect(warn).toHaveBeenCalledTimes(5);
    expect(warn).toHaveBeenCalledWith('valkompass: ignoring data-start="end" (use start, quiz)');
  });

  it('refuses an accent colour the app would refuse: too little contrast on white', () => {
    const [frame] = load('<div data-valkompass="socialpolitik" data-accent="#ffff00"></div>');
    expect(new URL(frame!.src).search).toBe('');
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/data-accent="#ffff00".*contrast/));
  });

  it('refuses a container without a valid compass id, and does not mount twice', () => {
    expect(load('<div data-valkompass="../../x"></div>')).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
    const frames = load('<div data-valkompass="socialpolitik"></div>');
    new Function(source)();
    expect(document.querySelectorAll('iframe')).toHaveLength(frames.length);
  });

  it('sizes the frame and raises host events only for well-formed messages from its own frame', () => {
    const [frame] = load('<div id="box" data-valkompass="socialpolitik"></div>');
    const box = document.getElementById('box')!;
    const seen: [string, unknown][] = [];
    for (const type of ['ready', 'started', 'completed'])
      box.addEventListener(`valkompass:${type}`, (e) =>
        seen.push([e.type, (e as CustomEvent).detail]),
      );
    const own = frame!.contentWindow;

    send({ source: 'valkompass', type: 'height', height: 900.4 }, APP, own);
    expect(frame!.style.height).toBe('901px');
    send({ source: 'valkompass', type: 'height', height: 5 }, 'https://evil.example', own); // wrong origin
    send({ source: 'valkompass', type: 'height', height: 5 }, APP, window); // wrong window
    send({ source: 'valkompass', type: 'height', height: '5' }, APP, own); // wrong shape
    send({ source: 'other', type: 'height', height: 5 }, APP, own);
    send({ source: 'valkompass', type: 'height', height: MAX_FRAME_HEIGHT }, APP, own);
    send({ source: 'valkompass', type: 'height', height: 0 }, APP, own);
    expect(frame!.style.height).toBe('901px');

    send({ source: 'valkompass', type: 'ready' }, APP, own);
    send({ source: 'valkompass', type: 'started' }, APP, own);
    send({ source: 'valkompass', type: 'completed', answered: 12, answers: { x: 1 } }, APP, own);
    send({ source: 'valkompass', type: 'completed', answered: 1 }, 'https://evil.example', own);
    expect(seen).toEqual([
      ['valkompass:ready', {}],
      ['valkompass:started', {}],
      ['valkompass:completed', { answered: 12 }],
    ]);
  });

  it(`stays within its budget of ${LOADER_BUDGET} bytes gzip, and leaves no globals behind`, () => {
    expect(gzipSync(source, { level: 9 }).length).toBeLessThanOrEqual(LOADER_BUDGET);
    const before = new Set(Object.keys(window));
    load('<div data-valkompass="socialpolitik"></div>');
    expect(Object.keys(window).filter((key) => !before.has(key))).toEqual([]);
  });

  it('bundles the frame path from embed-path.ts, not the route table of paths.ts', () => {
    // The route table alone is about 500 bytes gzip: a third of the budget.
    expect(modules.map((id) => id.replace(/\\/g, '/'))).not.toContainEqual(
      expect.stringMatching(/\/src\/config\/paths\.ts$/),
    );
    // No page's first path segment but the frame's own (`embed`); `om` is too short to look for.
    const pages = LEGACY_SEGMENTS.filter((segment) => segment !== 'embed' && segment.length > 2);
    expect(pages).toContain('fraga');
    expect(pages.filter((segment) => source.includes(segment))).toEqual([]);
  });
});
