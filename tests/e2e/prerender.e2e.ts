import { describe, expect, it } from 'vitest';
import { type Printable, PRINTABLES, sitePaths } from '../../src/config/paths.ts';
import { methodExercise } from '../../src/features/printables/method-exercise.ts';
import { quoteCards } from '../../src/features/printables/quote-cards.ts';
import ar from '../../src/i18n/locales/ar.json';
import en from '../../src/i18n/locales/en.json';
import printablesEn from '../../src/i18n/locales/printables/en.json';
import printablesSv from '../../src/i18n/locales/printables/sv.json';
import sv from '../../src/i18n/locales/sv.json';
import { READING_PREFS_STORAGE_KEY } from '../../src/i18n/reading.ts';
import { measure } from '../../src/test/browser/broken-words.ts';
import {
  appStarted,
  axeViolations,
  browserFixture,
  htmlText as text,
  type Page,
} from '../../src/test/browser/browser.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

// Pages painted from HTML made at build time, before any script runs; then hydrated.
const compass = loadValidBank('questions/socialpolitik');
const site = browserFixture();
const { newPage } = site;
const statement = (n: number) => compass.statements[n - 1]!;

/** The page's HTML as the server sends it, with no browser and no script. */
async function rawHtml(path: string): Promise<string> {
  const response = await fetch(`${site.origin}${path}`, { headers: { accept: 'text/html' } });
  expect(response.status, path).toBe(200);
  return response.text();
}

/** Console errors and page errors, hydration mismatches among them. */
function problems(page: Page): string[] {
  const found: string[] = [];
  page.on('console', (m) => {
    // The teachers' page asks whether a classroom service answers; the static host says no.
    if (m.type() === 'error' && !m.text().includes('404')) found.push(m.text());
  });
  page.on('pageerror', (e) => found.push(e.message));
  return found;
}

/** Holds the app's entry script back until the returned function is called. */
async function holdEntry(page: Page): Promise<() => void> {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/**
 * Opens `path` with the app's entry script held back, marks the page's h1 as painted from the
 * HTML, lets the script run and waits until `hydrated` holds: the same h1 node is still there
 * (React took the HTML over instead of painting it again), and nothing shifted.
 */
async function openAndHydrate(page: Page, path: string, hydrated: (page: Page) => Promise<void>) {
  const release = await holdEntry(page);
  await page.addInitScript(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shifts: number }).shifts += (
          entry as unknown as { value: number }
        ).value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${site.origin}${path}`, { waitUntil: 'commit' });
  const h1 = page.getByRole('heading', { level: 1 });
  await h1.waitFor();
  await page.evaluate(() => {
    (window as unknown as { painted: Element | null }).painted = document.querySelector('h1');
  });
  release();
  // React has taken the page over when the root carries its container.
  await appStarted(page);
  expect(
    await page.evaluate(
      () =>
        (window as unknown as { painted: Element | null }).painted === document.querySelector('h1'),
    ),
    'the h1 painted from the HTML is the one React hydrated',
  ).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts)).toBe(0);
  await hydrated(page);
}

describe('prerendered pages, read without any script', () => {
  it('carry the start page, every statement with its explainer, and the list with every quote', async () => {
    expect(text(await rawHtml('/'))).toContain(compass.title.sv);
    expect(text(await rawHtml('/socialpolitik/'))).toContain(compass.description.sv.slice(0, 60));
    for (const n of [1, 17, compass.statements.length]) {
      const page = text(await rawHtml(`/socialpolitik/fraga/${n}`));
      expect(page).toContain(statement(n).text.sv);
      expect(page).toContain(statement(n).explainer.sv);
    }
    const list = text(await rawHtml('/socialpolitik/pastaenden'));
    for (const s of compass.statements) {
      expect(list).toContain(s.text.sv);
      for (const stance of Object.values(s.stances))
        for (const quote of stance?.quotes ?? []) expect(list).toContain(quote);
    }
  });

  it('carry each programme, the method and the about page', async () => {
    for (const party of compass.parties)
      expect(text(await rawHtml(`/socialpolitik/program/${party.id}`))).toContain(
        `${party.name} i ${party.municipality}`,
      );
    expect(text(await rawHtml('/socialpolitik/metod'))).toContain('Så fungerar matchningen');
    expect(text(await rawHtml('/socialpolitik/om'))).toContain('Om valkompassen');
  });

  it('exist in English, Arabic and easy-read Swedish, each in its own language', async () => {
    const en = await rawHtml('/en/socialpolitik/fraga/2');
    expect(en).toMatch(/<html lang="en" dir="ltr"/);
    expect(text(en)).toContain(statement(2).text.en!);
    const ar = await rawHtml('/ar/socialpolitik/fraga/2');
    expect(ar).toMatch(/<html lang="ar" dir="rtl"/);
    expect(text(ar)).toContain(statement(2).text.ar!);
    const easy = await rawHtml('/lattlast/socialpolitik/fraga/2');
    expect(easy).toMatch(/<html lang="sv"/);
    expect(text(easy)).toContain(statement(2).easy!.text);
  });

  it('in a browser without JavaScript: the content is there, the answer buttons are not, and the page says why', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.origin}/socialpolitik/fraga/3`);
    await page.getByRole('heading', { level: 1, name: statement(3).text.sv }).waitFor();
    expect(await page.getByRole('button', { name: 'Helt för', exact: true }).isVisible()).toBe(
      false,
    );
    // Text in a <noscript>, shown because scripts are off.
    expect(await page.getByRole('main').innerText()).toContain(
      'För att svara på påståendena behövs JavaScript',
    );
    // The explainer opens without a script (a <details>), and the links lead on.
    await page.locator('details.explainer summary').click();
    await page.getByText(statement(3).explainer.sv).waitFor();
    await page.getByRole('link', { name: 'Alla påståenden med partiernas citat' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Påståenden och partiernas ståndpunkter' })
      .waitFor();
    // Choosing a language is a plain link too.
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${site.origin}/en/socialpolitik/pastaenden`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('a page that needs the app (the result) says so without JavaScript', async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await page.goto(`${site.origin}/socialpolitik/resultat`);
    await page.locator('body').waitFor();
    expect(await page.locator('body').innerText()).toContain(
      'Den här sidan av valkompassen behöver JavaScript.',
    );
  });
});

describe('hydration', () => {
  for (const [reading, path, locale] of [
    ['Swedish', '/socialpolitik/fraga/3', 'sv-SE'],
    ['English', '/en/socialpolitik/fraga/3', 'en-GB'],
    ['Arabic', '/ar/socialpolitik/fraga/3', 'ar'],
    ['easy-read Swedish', '/lattlast/socialpolitik/fraga/3', 'sv-SE'],
  ] as const)
    it(`takes over a statement page in ${reading} without painting it again, shifting it or a warning`, async () => {
      const page = await newPage({ locale });
      const errors = problems(page);
      await openAndHydrate(page, path, async (p) => {
        // Answering works once React has taken over: the answer is kept, the next statement comes.
        await p.locator('.answer-buttons button').first().click();
        await p.waitForURL(`${site.origin}${path.replace(/3$/, '4')}`);
      });
      expect(errors).toEqual([]);
    });

  for (const path of [
    '/',
    '/socialpolitik/pastaenden',
    '/socialpolitik/metod',
    '/socialpolitik/program/s',
    '/socialpolitik/larare',
    '/en/socialpolitik/om',
  ])
    it(`takes over ${path} cleanly`, async () => {
      const page = await newPage({ locale: path.startsWith('/en/') ? 'en-GB' : 'sv-SE' });
      const errors = problems(page);
      await openAndHydrate(page, path, async (p) => {
        // Client-side navigation works once React has taken over: the header link to English.
        await appStarted(p);
      });
      expect(errors).toEqual([]);
    });

  it('keeps what was pressed before the app started: a ticked box and then an answer', async () => {
    const page = await newPage();
    const errors = problems(page);
    const release = await holdEntry(page);
    await page.goto(`${site.origin}/socialpolitik/fraga/3`, { waitUntil: 'commit' });
    const important = page.getByRole('checkbox', { name: 'Viktigt för mig' });
    await important.check();
    await page.getByRole('button', { name: 'Delvis för', exact: true }).click();
    expect(new URL(page.url()).pathname).toBe('/socialpolitik/fraga/3');
    release();
    // The app starts, takes in the tick, then the answer, and moves on.
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/4`);
    await page.goto(`${site.origin}/socialpolitik/fraga/3`);
    await page
      .locator('.answer-buttons button[aria-pressed="true"]', { hasText: 'Delvis för' })
      .waitFor();
    expect(await important.isChecked()).toBe(true);
    expect(errors).toEqual([]);
  });

  it('runs the libraries the app starts with before its entry: the entry is asked for once React DOM has run', async () => {
    const html = await rawHtml('/socialpolitik/fraga/3');
    const modules = /data-modules="([^"]*)"/.exec(html)?.[1]?.split(' ') ?? [];
    for (const library of ['react-dom', 'router', 'i18next'])
      expect(
        modules.some((m) => m.includes(`/assets/${library}-`)),
        library,
      ).toBe(true);
    expect(modules.some((m) => /\/assets\/index-/.test(m))).toBe(false);

    const page = await newPage();
    const errors = problems(page);
    let releaseReactDom: () => void = () => {};
    const held = new Promise<void>((resolve) => (releaseReactDom = resolve));
    await page.route(/\/assets\/react-dom-[\w-]+\.js$/, async (route) => {
      await held;
      await route.continue();
    });
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    const data = page.waitForResponse(/\/data\/socialpolitik\.json$/);
    await page.goto(`${site.origin}/socialpolitik/fraga/3`, { waitUntil: 'commit' });
    // The app has asked for what the page needs, and its data has arrived…
    await data;
    // …but not for its entry, which waits for React DOM to have run.
    const entryAsked = () => asked.some((path) => /^\/assets\/index-[\w-]+\.js$/.test(path));
    expect(entryAsked()).toBe(false);
    releaseReactDom();
    await expect.poll(entryAsked).toBe(true);
    await appStarted(page);
    await page.locator('.answer-buttons button').first().click();
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/4`);
    expect(errors).toEqual([]);
  });

  it('name a PNG icon: an SVG one would be drawn as a document of its own on the main thread', async () => {
    const icons = [
      ...(await rawHtml('/socialpolitik/fraga/1')).matchAll(
        /<link rel="icon" href="([^"]+)"[^>]*>/g,
      ),
    ];
    expect(icons.map((icon) => icon[1])).toEqual(['/icons/favicon-32.png']);
    const response = await fetch(`${site.origin}${icons[0]![1]}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
  });

  it("runs React DOM's own start in React DOM's task, not in the entry's", async () => {
    const page = await newPage();
    const errors = problems(page);
    // React DOM calls this hook of the React developer tools as it starts.
    await page.addInitScript(() => {
      const own = window as unknown as { reactDomStarted: boolean };
      own.reactDomStarted = false;
      Object.assign(window, {
        __REACT_DEVTOOLS_GLOBAL_HOOK__: { checkDCE: () => (own.reactDomStarted = true) },
      });
    });
    let releaseEntry: () => void = () => {};
    const held = new Promise<void>((resolve) => (releaseEntry = resolve));
    let entryAsked = false;
    await page.route(/\/assets\/index-[\w-]+\.js$/, async (route) => {
      entryAsked = true;
      await held;
      await route.continue();
    });
    await page.goto(`${site.origin}/socialpolitik/fraga/3`, { waitUntil: 'commit' });
    await expect.poll(() => entryAsked).toBe(true);
    // The entry has not run yet, and React DOM has started already.
    expect(
      await page.evaluate(
        () => (window as unknown as { reactDomStarted: boolean }).reactDomStarted,
      ),
    ).toBe(true);
    releaseEntry();
    await appStarted(page);
    await page.locator('.answer-buttons button').first().click();
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/4`);
    expect(errors).toEqual([]);
  });

  it('keeps answers given before: a statement page shows the stored answer once hydrated', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/socialpolitik/fraga/1`);
    await page.getByRole('button', { name: 'Delvis emot', exact: true }).click();
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/2`);
    await page.goto(`${site.origin}/socialpolitik/fraga/1`);
    await page
      .locator('.answer-buttons button[aria-pressed="true"]', { hasText: 'Delvis emot' })
      .waitFor();
  });
});

describe('the reading a visitor arrives in', () => {
  /** The offers of another language shown when the page is first painted, by their language. */
  const recordOffersAtFirstPaint = () => {
    new PerformanceObserver((list) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      (window as unknown as { offered: (string | null)[] }).offered = [
        ...document.querySelectorAll('.reading-offer'),
      ]
        .filter((offer) => getComputedStyle(offer).display !== 'none')
        .map((offer) => offer.getAttribute('lang'));
    }).observe({ type: 'paint', buffered: true });
  };
  const storedChoice = (page: Page) =>
    page.evaluate(
      (key) =>
        (JSON.parse(localStorage.getItem(key) ?? 'null') as { state: unknown } | null)?.state,
      READING_PREFS_STORAGE_KEY,
    );

  it('an English browser opening a Swedish address stays on it, offered the English page from its first paint; following the offer goes there and is remembered', async () => {
    const page = await newPage({ locale: 'en-GB' });
    const errors = problems(page);
    await page.addInitScript(recordOffersAtFirstPaint);
    // No second page load: the Swedish page is painted with the offer, then hydrated as it is,
    // without moving (openAndHydrate checks that nothing shifted).
    await openAndHydrate(page, '/socialpolitik/fraga/3', async (p) => {
      expect(await p.evaluate(() => (window as unknown as { offered: unknown }).offered)).toEqual([
        'en',
      ]);
      expect(new URL(p.url()).pathname).toBe('/socialpolitik/fraga/3');
      await p.getByRole('heading', { level: 1, name: statement(3).text.sv }).waitFor();
      expect(await p.evaluate(() => document.documentElement.lang)).toBe('sv');
    });
    expect(errors).toEqual([]);
    const offer = page.getByRole('group', { name: en.readingOffer.name });
    expect(await offer.getAttribute('lang')).toBe('en');
    expect(await offer.textContent()).toContain(`${en.readingOffer.text} ${en.readingOffer.link}`);
    await offer.getByRole('link', { name: en.readingOffer.link }).click();
    await page.waitForURL(`${site.origin}/en/socialpolitik/fraga/3`);
    await page.getByRole('heading', { level: 1, name: statement(3).text.en! }).waitFor();
    expect(await storedChoice(page)).toEqual({ language: 'en', easy: false });
    expect(await page.locator('.reading-offer:visible').count()).toBe(0);
    // A reading chosen before still moves a visitor, before the first paint: their own choice.
    await page.goto(`${site.origin}/socialpolitik/`);
    await page.waitForURL(`${site.origin}/en/socialpolitik/`);
    expect(await page.locator('.reading-offer:visible').count()).toBe(0);
  });

  it('an Arabic browser is offered the Arabic page, right to left, which passes axe and fits a phone at 200 % text; "No, thanks" keeps Swedish', async () => {
    // bypassCSP only so that axe itself can be injected; the app's CSP is tested elsewhere.
    const page = await newPage({ locale: 'ar', bypassCSP: true });
    await page.goto(`${site.origin}/`);
    await appStarted(page);
    const offer = page.getByRole('group', { name: ar.readingOffer.name });
    await offer.waitFor();
    expect(await offer.getAttribute('dir')).toBe('rtl');
    expect(await offer.getByRole('link', { name: ar.readingOffer.link }).getAttribute('href')).toBe(
      '/ar/',
    );
    expect(await page.locator('.reading-offer:visible').count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    expect(await measure(page)).toEqual([]);
    // By keyboard: the skip link, the offer's link, then its button.
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      ar.readingOffer.dismiss,
    );
    await page.keyboard.press('Enter');
    await offer.waitFor({ state: 'hidden' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(sv.app.name);
    expect(await storedChoice(page)).toEqual({ language: 'sv', easy: false });
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.reading-offer:visible').count()).toBe(0);
  });

  it('a visitor who chose Swedish here stays in Swedish, whatever the browser asks for', async () => {
    const page = await newPage({ locale: 'ar' });
    await page.goto(`${site.origin}/ar/socialpolitik/`);
    await page.getByRole('link', { name: 'Svenska' }).click();
    await page.waitForURL(`${site.origin}/socialpolitik/`);
    await page.goto(`${site.origin}/socialpolitik/fraga/3`);
    await page.getByRole('heading', { level: 1, name: statement(3).text.sv }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/socialpolitik/fraga/3');
  });

  it('a visitor who chose easy-read gets it on Swedish addresses', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/socialpolitik/fraga/2`);
    await page.getByRole('link', { name: 'Lättläst' }).click();
    await page.getByRole('heading', { level: 1, name: statement(2).easy!.text }).waitFor();
    await page.goto(`${site.origin}/socialpolitik/fraga/4`);
    await page.waitForURL(`${site.origin}/lattlast/socialpolitik/fraga/4`);
  });
});

describe('old links', () => {
  it('lead to the same page of the compass they were made for, keeping the fragment', async () => {
    const page = await newPage();
    await page.goto(`${site.origin}/fraga/3`);
    await page.waitForURL(`${site.origin}/socialpolitik/fraga/3`);
    await page.getByRole('heading', { level: 1, name: statement(3).text.sv }).waitFor();
    await page.goto(`${site.origin}/delat#nonsense`);
    await page.waitForURL(`${site.origin}/socialpolitik/delat#nonsense`);
    await page.goto(`${site.origin}/program/s`);
    await page.waitForURL(`${site.origin}/socialpolitik/program/s`);
  });
});

describe('the printable material, prerendered', () => {
  const swedish = sitePaths('', compass.id);
  /** What each material must carry in Swedish: its name and everything generated from the bank. */
  const contents: Record<Printable, () => string[]> = {
    arbetsblad: () => [
      printablesSv.names.arbetsblad,
      ...compass.statements.flatMap((s) => [s.text.sv, s.explainer.sv]),
    ],
    ordlista: () => [
      printablesSv.names.ordlista,
      ...compass.glossary.flatMap((entry) => [entry.term.sv, entry.definition.sv]),
    ],
    citatkort: () => [
      printablesSv.names.citatkort,
      printablesSv.quotes.keyTitle,
      ...quoteCards(compass).map((card) => `”${card.quote}”`),
      ...compass.parties.map((party) => party.name),
    ],
    metodovning: () => {
      const exercise = methodExercise(compass)!;
      return [
        printablesSv.names.metodovning,
        printablesSv.method.keyTitle,
        ...exercise.rows.map((row) => statement(row.number).text.sv),
        ...exercise.parties.map((id) => compass.parties.find((p) => p.id === id)!.name),
      ];
    },
  };

  it('carry their content without any script, in Swedish', async () => {
    for (const name of PRINTABLES) {
      const html = await rawHtml(swedish.printable(name));
      expect(html, name).toContain(`data-prerendered="${swedish.printable(name)}"`);
      const page = text(html);
      for (const wanted of contents[name]()) expect(page, `${name}: ${wanted}`).toContain(wanted);
    }
  });

  it('exist in English, in English for Arabic readers (marked as such), and in easy-read Swedish', async () => {
    const en = text(await rawHtml(sitePaths('en', compass.id).printable('ordlista')));
    expect(en).toContain(printablesEn.names.ordlista);
    for (const entry of compass.glossary) expect(en).toContain(entry.term.en!);
    const ar = await rawHtml(sitePaths('ar', compass.id).printable('arbetsblad'));
    expect(ar).toMatch(/<html lang="ar" dir="rtl"/);
    expect(ar).toMatch(/<div class="printable" lang="en" dir="ltr" data-printable="arbetsblad">/);
    expect(text(ar)).toContain(statement(1).text.en!);
    const easy = text(await rawHtml(sitePaths('lattlast', compass.id).printable('arbetsblad')));
    for (const s of compass.statements) expect(easy).toContain(s.easy!.text);
  });

  for (const [path, locale] of [
    ...PRINTABLES.map((name) => [swedish.printable(name), 'sv-SE'] as const),
    [sitePaths('en', compass.id).printable('citatkort'), 'en-GB'],
    [sitePaths('ar', compass.id).printable('metodovning'), 'ar'],
    [sitePaths('lattlast', compass.id).printable('arbetsblad'), 'sv-SE'],
  ] as const)
    it(`takes over ${path} without painting it again or a warning, then prints full addresses`, async () => {
      const page = await newPage({ locale });
      const errors = problems(page);
      await openAndHydrate(page, path, async (p) => {
        // The addresses on paper are whole once the app knows the site's origin; the running
        // footer (a style sheet the app adds) is in place.
        await p.waitForFunction(() => document.adoptedStyleSheets.length > 0);
        const addresses = await p.evaluate(() =>
          [...document.querySelectorAll('.printable a.url, .printable p')].flatMap(
            (element) => element.textContent?.match(/\S*\/socialpolitik\/\S*/g) ?? [],
          ),
        );
        if (!path.endsWith('/ordlista')) expect(addresses.length).toBeGreaterThan(0);
        for (const address of addresses) expect(address.startsWith(`${site.origin}/`)).toBe(true);
      });
      expect(errors).toEqual([]);
    });
});
