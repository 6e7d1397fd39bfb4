import { beforeAll, describe, expect, it } from 'vitest';
import { sitePaths } from '../../src/config/paths.ts';
import type { Compass } from '../../src/domain/bank/types.ts';
import {
  axeViolations,
  browserFixture,
  type Page,
  pageReady,
} from '../../src/test/browser/browser.ts';

/** The compass's pages in each reading: Swedish (no prefix), easy-read (`/lattlast/…`), English. */
const swedish = sitePaths('', 'socialpolitik');
const easyRead = sitePaths('lattlast', 'socialpolitik');
const english = sitePaths('en', 'socialpolitik');

const site = browserFixture();
/** Statement 1 as the site publishes it (open data), easy-read version included when the bank has one. */
let compass: Compass;
let first: Compass['statements'][number];

beforeAll(async () => {
  const response = await fetch(`${site.origin}/data/socialpolitik.json`);
  compass = (await response.json()) as Compass;
  first = compass.statements[0]!;
});

/**
 * A stand-in for the browser's speech synthesis (headless Chromium has no voices), installed
 * before the app loads: records what is spoken, and lists the given voices only after a
 * 'voiceschanged' event, as Chrome does.
 */
function speechStub(voices: { lang: string; name: string }[]) {
  const spoken: { text: string; lang: string; voice: string | null }[] = [];
  const target = new EventTarget();
  let listed: SpeechSynthesisVoice[] = [];
  class Utterance extends EventTarget {
    lang = '';
    voice: SpeechSynthesisVoice | null = null;
    constructor(readonly text: string) {
      super();
    }
  }
  let current: Utterance | null = null;
  const synth = Object.assign(target, {
    getVoices: () => listed,
    speak(u: Utterance) {
      spoken.push({ text: u.text, lang: u.lang, voice: u.voice?.name ?? null });
      current = u;
    },
    cancel() {
      const was = current;
      current = null;
      was?.dispatchEvent(new Event('error'));
    },
  });
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  Object.defineProperty(window, 'SpeechSynthesisUtterance', {
    value: Utterance,
    configurable: true,
  });
  (window as unknown as { spoken: typeof spoken }).spoken = spoken;
  setTimeout(() => {
    listed = voices.map(
      (v) =>
        ({ ...v, voiceURI: v.name, localService: true, default: false }) as SpeechSynthesisVoice,
    );
    target.dispatchEvent(new Event('voiceschanged'));
  }, 50);
}

async function newPage(
  voices: { lang: string; name: string }[] | null = null,
  bypassCSP = false,
): Promise<Page> {
  // bypassCSP only so that axe itself can be injected; the app's CSP is tested elsewhere.
  const page = await site.newPage({ bypassCSP });
  if (voices) await page.addInitScript(speechStub, voices);
  return page;
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 });
/** The header's choice of reading: links, the page's own marked `aria-current`. */
const readingLink = (page: Page, name: string) =>
  page.getByRole('banner').getByRole('link', { name, exact: true });
const pathname = (page: Page) => new URL(page.url()).pathname;

describe('easy-read Swedish (lättläst)', () => {
  it('is chosen on the start page, shows the easy text, survives a reload, and ends with English', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/`);
    await page.getByText('Lättläst svenska: enklare ord och kortare meningar.').waitFor();
    // The start page's toggle leads to the same page in easy-read.
    await page.getByRole('main').getByRole('button', { name: 'Lättläst', exact: true }).click();
    await page.waitForURL((url) => url.pathname === easyRead.site);
    await expect
      .poll(() => readingLink(page, 'Lättläst').getAttribute('aria-current'))
      .toBe('true');
    expect(
      await page
        .getByRole('main')
        .getByRole('button', { name: 'Lättläst', exact: true })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await page.getByRole('link', { name: 'Starta' }).click();
    await page.waitForURL((url) => url.pathname === easyRead.statement(1));
    await page.getByText(/^Påstående 1 av/).waitFor();
    // The bank has an easy-read version of every statement (rules.easyRead), so this is strict.
    expect(first.easy).toBeDefined();
    const expected = first.easy!.text;
    expect(await heading(page).textContent()).toBe(expected);
    expect(await page.locator('.explainer p').textContent()).toBe(first.easy!.explainer);
    // Every statement in easy-read: the last one too.
    await page.goto(`${site.origin}${easyRead.statement(compass.statements.length)}`);
    await page.getByText(/^Påstående \d+ av/).waitFor();
    expect(await heading(page).textContent()).toBe(compass.statements.at(-1)!.easy!.text);

    // The choice is remembered: an address without a reading opens in easy-read, also on reload.
    await page.goto(`${site.origin}${swedish.statement(1)}`);
    await page.waitForURL((url) => url.pathname === easyRead.statement(1));
    await page.getByText(/^Påstående 1 av/).waitFor();
    await page.reload();
    await page.getByText(/^Påstående 1 av/).waitFor();
    expect(pathname(page)).toBe(easyRead.statement(1));
    expect(await heading(page).textContent()).toBe(expected);
    expect(await readingLink(page, 'Lättläst').getAttribute('aria-current')).toBe('true');
    expect(await readingLink(page, 'Svenska').getAttribute('aria-current')).toBeNull();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('sv');

    await readingLink(page, 'English').click();
    await page.waitForURL((url) => url.pathname === english.statement(1));
    await page.getByText(/^Statement 1 of/).waitFor();
    expect(await heading(page).textContent()).toBe(first.text.en);
    expect(await readingLink(page, 'English').getAttribute('aria-current')).toBe('true');
    expect(await readingLink(page, 'Lättläst').getAttribute('aria-current')).toBeNull();
    await page.reload();
    await page.getByText(/^Statement 1 of/).waitFor();
    expect(await heading(page).textContent()).toBe(first.text.en);
    // English is now the remembered choice.
    await page.goto(`${site.origin}${swedish.statement(1)}`);
    await page.waitForURL((url) => url.pathname === english.statement(1));
    await page.getByText(/^Statement 1 of/).waitFor();
  });

  it('passes axe on the quiz in easy-read mode', async () => {
    const page = await newPage([{ lang: 'sv-SE', name: 'Alva' }], true);
    await page.goto(`${site.origin}/`);
    await readingLink(page, 'Lättläst').click();
    await page.waitForURL((url) => url.pathname === easyRead.site);
    await expect
      .poll(() => readingLink(page, 'Lättläst').getAttribute('aria-current'))
      .toBe('true');
    await page.goto(`${site.origin}${easyRead.statement(1)}`);
    await page.getByRole('button', { name: 'Lyssna på påståendet' }).waitFor();
    expect(await heading(page).textContent()).toBe(first.easy!.text);
    await pageReady(page);
    const violations = await axeViolations(page);
    expect(violations).toEqual([]);
  });
});

describe('read-aloud (Lyssna)', () => {
  it('appears once a Swedish voice is known and reads the shown statement', async () => {
    const page = await newPage([
      { lang: 'en-US', name: 'Samantha' },
      { lang: 'sv-SE', name: 'Alva' },
    ]);
    await page.goto(`${site.origin}${swedish.statement(1)}`);
    const listen = page.getByRole('button', { name: 'Lyssna på påståendet' });
    await listen.click();
    const stop = page.getByRole('button', { name: 'Sluta läsa' });
    await stop.waitFor();
    expect(await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken)).toEqual([
      { text: first.text.sv, lang: 'sv-SE', voice: 'Alva' },
    ]);
    await stop.click();
    await listen.waitFor();

    await readingLink(page, 'English').click();
    await page.getByText(/^Statement 1 of/).waitFor();
    await page.getByRole('button', { name: 'Listen to the statement' }).click();
    expect(
      await page.evaluate(() => (window as unknown as { spoken: unknown[] }).spoken.at(-1)),
    ).toEqual({ text: first.text.en, lang: 'en-GB', voice: 'Samantha' });
  });

  it('is absent without a voice for the language', async () => {
    const page = await newPage([{ lang: 'en-GB', name: 'Daniel' }]);
    await page.goto(`${site.origin}${swedish.statement(1)}`);
    await heading(page).waitFor();
    // The voices arrive after 50 ms; wait until the page has seen them (the English voice
    // makes the button appear in English), then go back to Swedish.
    await readingLink(page, 'English').click();
    await page.getByRole('button', { name: 'Listen to the statement' }).waitFor();
    await readingLink(page, 'Svenska').click();
    await page.getByText(/^Påstående 1 av/).waitFor();
    expect(pathname(page)).toBe(swedish.statement(1));
    expect(await page.getByRole('button', { name: /Lyssna/ }).count()).toBe(0);
  });

  it('is absent in a browser without speech synthesis', async () => {
    const page = await newPage();
    await page.addInitScript(() => {
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
    });
    // The statement's old address (from before compasses had their own) leads to it.
    await page.goto(`${site.origin}/fraga/1`);
    await page.waitForURL((url) => url.pathname === swedish.statement(1));
    await heading(page).waitFor();
    await pageReady(page);
    expect(await page.getByRole('button', { name: /Lyssna/ }).count()).toBe(0);
  });
});
