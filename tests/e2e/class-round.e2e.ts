/**
 * Classroom rounds end to end, in Chromium: the real service (src/server, SQLite in
 * memory) serving the built site and its API on one port, a teacher and pupils each in a browser
 * context of their own. Every test starts its own service on 127.0.0.1 and closes it. Pupils send
 * randomized response ({ p, categories }): the browser's own draw for a pupil in a browser, a
 * seeded draw (randomizedSubmission) for a pupil who sends through the API.
 *
 * VALKOMPASS_SCREENSHOTS=1 also writes docs/screenshots/classroom-*.png (the projector view and
 * the class result at 1920×1080, the pupil's panel on a 390 px phone).
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { sitePaths } from '../../src/config/paths.ts';
import {
  addRandomizedCounters,
  type Category,
  categoryOf,
  classroomApi,
  emptyRandomizedCounters,
  formatJoinCode,
  IDEMPOTENCY_HEADER,
  IDEMPOTENCY_KEY_PATTERN,
  normaliseJoinCode,
  RANDOMIZATION_P,
  type RandomizedClassFigures,
  randomizedClassResult,
  randomizedDelta,
  type RandomizedSubmission,
  randomizedSubmission,
  uniformFromRandomValues,
} from '../../src/domain/classroom/index.ts';
import type { Voter } from '../../src/domain/scoring/index.ts';
import { classResultCsv } from '../../src/features/teacher-round/class-csv.ts';
import {
  byEstimatedDivision,
  ESTIMATE_ORDER,
  shownEstimate,
} from '../../src/features/teacher-round/EstimatedResults.tsx';
import appAr from '../../src/i18n/locales/ar.json';
import classroomAr from '../../src/i18n/locales/classroom/ar.json';
import classroomEn from '../../src/i18n/locales/classroom/en.json';
import classroomSv from '../../src/i18n/locales/classroom/sv.json';
import appEn from '../../src/i18n/locales/en.json';
import appSv from '../../src/i18n/locales/sv.json';
import teacherAr from '../../src/i18n/locales/teacher/ar.json';
import teacherEn from '../../src/i18n/locales/teacher/en.json';
import teacherSv from '../../src/i18n/locales/teacher/sv.json';
import type { RunningServer } from '../../src/server/start.ts';
import { measure } from '../../src/test/browser/broken-words.ts';
import {
  axeViolations,
  type BrowserContext,
  type BrowserContextOptions,
  browserFixture,
  classroomService,
  type Page,
  type Request,
  serveBuiltSite,
} from '../../src/test/browser/browser.ts';
import { seededRandomValues } from '../../src/test/seeded-words.ts';
import { tier } from '../../src/test/tier.ts';
import { loadValidBank } from '../../src/tools/load-bank.ts';

const compass = loadValidBank('questions/socialpolitik');
/**
 * The compass's pages in Swedish (`/socialpolitik/klass/…`), in English (`/en/socialpolitik/…`)
 * and in Arabic (`/ar/socialpolitik/…`). Pupil and teacher links are made without a reading: each
 * opens in the reader's own.
 */
const paths = sitePaths('', compass.id);
const TOTAL = compass.statements.length;
const SCREENSHOTS = process.env.VALKOMPASS_SCREENSHOTS === '1';

/** The strings a user reads, per language (the same keys everywhere: tests/i18n-parity.test.ts). */
const STRINGS = {
  sv: { app: appSv, classroom: classroomSv, teacher: teacherSv, paths },
  en: {
    app: appEn,
    classroom: classroomEn,
    teacher: teacherEn,
    paths: sitePaths('en', compass.id),
  },
  ar: {
    app: appAr,
    classroom: classroomAr,
    teacher: teacherAr,
    paths: sitePaths('ar', compass.id),
  },
} as const;
type Strings = (typeof STRINGS)[keyof typeof STRINGS];
const SV: Strings = STRINGS.sv;

/** A translation with its `{{placeholders}}` filled in, as i18next does. */
const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));

type Value = 1 | 0.5 | 0 | -0.5 | -1;
type Choice = { readonly answer: Value | 'skip'; readonly important: boolean };
const SCALE: readonly Value[] = [1, 0.5, 0, -0.5, -1];
const answerLabel = (L: Strings, value: Value | 'skip') =>
  value === 'skip'
    ? L.app.quiz.skip
    : {
        '1': L.app.position.agree,
        '0.5': L.app.position.partlyAgree,
        '0': L.app.position.neutral,
        '-0.5': L.app.position.partlyDisagree,
        '-1': L.app.position.disagree,
      }[String(value) as '1' | '0.5' | '0' | '-0.5' | '-1'];

/** The label of a category in the pupil's preview and in the teacher's tables. */
const CATEGORY_KEY = {
  emot: 'emot',
  varken: 'varken',
  for: 'for',
  'hoppade-over': 'hoppadeOver',
} as const satisfies Record<Category, string>;
const previewLabel = (L: Strings, c: Category) => L.classroom.randomized.category[CATEGORY_KEY[c]];
const estimateLabel = (L: Strings, c: Category) => L.teacher.estimated.categories[CATEGORY_KEY[c]];

/** The pupils of a round: as many as the result needs, and two more. */
const CLASS_SIZE = 12;

/**
 * Pupil `p`'s answers to every statement: mostly those of one party (a different one for each
 * pupil, so the class is mixed), the rest spread over the scale, a few skipped, and some marked
 * "Viktigt för mig".
 */
function planFor(p: number): Choice[] {
  const party = compass.parties[p % compass.parties.length]!;
  return compass.statements.map((statement, n) => {
    if ((n + p) % 7 === 3) return { answer: 'skip', important: false };
    const position = statement.stances[party.id]!.position;
    const answer =
      position !== null && (n + p) % 3 !== 0 ? (position as Value) : SCALE[(2 * n + p) % 5]!;
    return { answer, important: (n + 2 * p) % 5 === 0 };
  });
}

/** A plan's statements 1..`reached` as the answers store keeps them. */
const answersOf = (plan: readonly Choice[], reached = TOTAL): Voter['answers'] =>
  Object.fromEntries(
    compass.statements
      .slice(0, reached)
      .map((s, i) => [s.id, { answer: plan[i]!.answer, important: plan[i]!.important }]),
  );

/** What a pupil who sends through the API sends: a seeded draw, as the app would draw one. */
const apiBody = (p: number, reached = TOTAL): RandomizedSubmission =>
  randomizedSubmission(
    compass.statements,
    answersOf(planFor(p), reached),
    RANDOMIZATION_P,
    uniformFromRandomValues(seededRandomValues(1000 + p)),
  );

/** The class's figures for these submissions, from the domain (what the service must show). */
function figuresOf(bodies: readonly unknown[]): RandomizedClassFigures {
  const counters = bodies.reduce(
    (sum: ReturnType<typeof emptyRandomizedCounters>, body) =>
      addRandomizedCounters(sum, randomizedDelta(compass, body)),
    emptyRandomizedCounters(compass),
  );
  const result = randomizedClassResult(compass, counters, { open: false });
  if (!('statements' in result)) throw new Error('expected figures');
  return result;
}

// No server for the file: each test starts its own (closed after the test).
const fixture = browserFixture({ serve: null });
const contexts: BrowserContext[] = [];
/** Every request each context made, and every script error or console error of its pages. */
const requests = new Map<BrowserContext, string[]>();
const problems: string[] = [];
let service: RunningServer | undefined;

afterEach(() => {
  // The fixture closes the contexts and the service.
  contexts.length = 0;
  requests.clear();
  problems.length = 0;
  service = undefined;
});

/** The service over the built site, on a free port of 127.0.0.1, with SQLite in memory. */
async function startService(): Promise<string> {
  service = await fixture.serveForTest(classroomService);
  return service.url;
}

async function newPage(options: BrowserContextOptions = {}): Promise<Page> {
  const context = await fixture.newContext(options);
  contexts.push(context);
  const seen: string[] = [];
  requests.set(context, seen);
  context.on('request', (r) => seen.push(r.url()));
  const page = await context.newPage();
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    // A refused API call (404 for a deleted round, an aborted request) is logged by the browser
    // itself as "Failed to load resource"; the tests check those answers where they expect them.
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource'))
      problems.push(`console: ${m.text()}`);
  });
  return page;
}

/** Privacy across every context of the test: no cookies, nothing asked of another origin. */
async function expectPrivateAndQuiet(origin: string) {
  for (const context of contexts) {
    expect(await context.cookies(), 'cookies').toEqual([]);
    const elsewhere = (requests.get(context) ?? []).filter((url) => new URL(url).origin !== origin);
    expect(elsewhere, 'requests to other origins').toEqual([]);
  }
  expect(problems, 'script and console errors').toEqual([]);
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 });

async function screenshot(page: Page, name: string) {
  if (SCREENSHOTS)
    await page.screenshot({ path: `docs/screenshots/${name}`, animations: 'disabled' });
}

// ---- The teacher ----

/** …/klass/ny → "Starta klassomgång" → the round's page; returns the canonical join code. */
async function startRound(page: Page, origin: string, L: Strings = SV): Promise<string> {
  await page.goto(`${origin}${L.paths.classroomNew}`);
  await page.getByRole('button', { name: L.teacher.new.start }).click();
  await page.getByRole('heading', { level: 2, name: L.teacher.live.heading }).waitFor();
  const match = new RegExp(`^${L.paths.classroom}/([^/]+)/larare$`).exec(
    new URL(page.url()).pathname,
  );
  const code = normaliseJoinCode(match?.[1]);
  if (!code) throw new Error(`no join code in ${page.url()}`);
  return code;
}

const liveCount = (page: Page) => page.getByTestId('live-count');

/** Waits until the teacher's live count reads `n` (it updates without a reload). */
async function waitForCount(page: Page, n: number) {
  await liveCount(page)
    .filter({ hasText: new RegExp(`^${n}$`) })
    .waitFor();
}

/** The teacher link from the collapsed "Lärarlänk" section. */
async function teacherLinkOf(page: Page, L: Strings = SV): Promise<string> {
  const details = page.locator('details.teacher-link');
  if (!(await details.evaluate((d: HTMLDetailsElement) => d.open)))
    await details.locator('summary').click();
  const link = await page
    .getByRole('textbox', { name: L.teacher.live.teacherLinkLabel })
    .inputValue();
  await details.locator('summary').click();
  return link;
}

const keyOf = (teacherLink: string) =>
  decodeURIComponent(new URL(teacherLink).hash.replace(/^#nyckel=/, ''));

async function closeRound(page: Page, L: Strings = SV) {
  await page.getByRole('button', { name: L.teacher.live.close }).click();
  await page.getByRole('button', { name: L.teacher.live.closeConfirm }).click();
}

// ---- The pupils ----

/** Opens the pupil link and joins ("Gå med och starta testet"), landing on statement 1. */
async function joinByLink(page: Page, link: string, L: Strings = SV) {
  await page.goto(link);
  await page.getByText(L.classroom.join.open).waitFor();
  await page.getByRole('button', { name: L.classroom.join.start }).click();
}

/** Types the code at …/klass as a pupil would (any case, dashes, spaces), then joins. */
async function joinByCode(page: Page, origin: string, typed: string) {
  await page.goto(`${origin}${paths.classroom}`);
  await page.getByRole('textbox', { name: SV.classroom.entry.codeLabel }).fill(typed);
  await page.getByRole('button', { name: SV.classroom.entry.join, exact: true }).click();
  await page.getByText(SV.classroom.join.open).waitFor();
  await page.getByRole('button', { name: SV.classroom.join.start }).click();
}

/** Answers statements from..to on the quiz pages, one click each, as a pupil does. */
async function answerStatements(
  page: Page,
  plan: readonly Choice[],
  from: number,
  to: number,
  L: Strings = SV,
) {
  for (let n = from; n <= to; n++) {
    await page.getByText(fill(L.app.quiz.progress, { number: n, total: TOTAL })).waitFor();
    const choice = plan[n - 1]!;
    if (choice.important) await page.getByRole('checkbox', { name: L.app.quiz.important }).check();
    await page.getByRole('button', { name: answerLabel(L, choice.answer), exact: true }).click();
  }
}

/** Every statement, then the review page, then the result with the class panel. */
async function takeWholeQuiz(page: Page, plan: readonly Choice[], from = 1) {
  await answerStatements(page, plan, from, TOTAL);
  await page.getByRole('heading', { level: 1, name: SV.app.review.title }).waitFor();
  await page.getByRole('link', { name: SV.app.review.toResults }).click();
  await page.getByRole('heading', { level: 1, name: SV.app.results.title }).waitFor();
}

const panelOf = (page: Page, L: Strings = SV) =>
  page.getByRole('region', { name: L.classroom.panel.title });

/**
 * Opens what the panel will send ("Visa vad som skickas (N påståenden)") and the same as data;
 * returns the JSON the panel shows.
 */
async function openDisclosure(page: Page, L: Strings = SV): Promise<unknown> {
  const panel = panelOf(page, L);
  await panel
    .locator('summary', { hasText: fill(L.classroom.randomized.show, { total: TOTAL }) })
    .click();
  await panel.locator('summary', { hasText: L.classroom.randomized.raw }).click();
  const json = panel.getByTestId('randomized-submission-json');
  await json.waitFor();
  return JSON.parse((await json.textContent()) ?? '');
}

/** Records the browser's submission requests (what actually leaves the page). */
function captureSubmissions(page: Page): Request[] {
  const posts: Request[] = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && new URL(r.url()).pathname.endsWith('/submissions')) posts.push(r);
  });
  return posts;
}

/** Every request a page makes, with its body: to check that no true answer ever leaves it. */
function captureAll(page: Page): Request[] {
  const all: Request[] = [];
  page.on('request', (r) => all.push(r));
  return all;
}

/**
 * Nothing the pupil's page asked for carries the pupil's answers: no body but the randomized
 * submissions, and those only `p` and one category per statement; no five-point value, no
 * "important", no "answers" in any address or body.
 */
function expectNoTrueAnswers(requests: readonly Request[]) {
  for (const r of requests) {
    const { pathname, search } = new URL(r.url());
    // The site's own files have names of their own; the API's addresses and every query must not.
    expect(pathname.startsWith('/api/') ? `${pathname}${search}` : search, r.url()).not.toMatch(
      /answer|important|viktig/i,
    );
    const body = r.postData();
    if (body === null) continue;
    expect(pathname, `a body sent to ${pathname}`).toMatch(/\/api\/sessions\/[^/]+\/submissions$/);
    const json = JSON.parse(body) as Record<string, unknown>;
    expect(Object.keys(json).sort()).toEqual(['categories', 'p']);
    expect(json.p).toBe(RANDOMIZATION_P);
    const categories = json.categories as Record<string, unknown>;
    expect(Object.keys(categories)).toEqual(compass.statements.map((s) => s.id));
    for (const c of Object.values(categories))
      expect(['emot', 'varken', 'for', 'hoppade-over']).toContain(c);
    expect(body).not.toMatch(/"answers?"|"important"|"skip"|-0\.5|0\.5|"-?1"/);
  }
}

async function expectSubmissionRequest(request: Request, shown: unknown) {
  expect(request.postDataJSON()).toEqual(shown);
  const headers = await request.allHeaders();
  expect(headers[IDEMPOTENCY_HEADER.toLowerCase()]).toMatch(IDEMPOTENCY_KEY_PATTERN);
  expect(headers).not.toHaveProperty('cookie');
  expect(headers).not.toHaveProperty('authorization');
}

/**
 * The preview's table says, per statement, the category of the pupil's own answer and the one
 * sent (marked when swapped): the own one is the plan's, the sent one the submission's.
 */
async function expectPreviewOf(
  page: Page,
  plan: readonly Choice[],
  shown: RandomizedSubmission,
  L: Strings = SV,
) {
  const rows = await tableRows(page, L.classroom.randomized.caption);
  expect(rows).toHaveLength(TOTAL);
  expect(rows.map((row) => row.slice(1))).toEqual(
    compass.statements.map((s, n) => {
      const own = categoryOf(plan[n]!.answer);
      const sent = shown.categories[s.id]!;
      return [
        previewLabel(L, own),
        previewLabel(L, sent) + (sent === own ? '' : ` ${L.classroom.randomized.swapped}`),
      ];
    }),
  );
  const swapped = compass.statements.filter(
    (s, n) => shown.categories[s.id] !== categoryOf(plan[n]!.answer),
  ).length;
  await panelOf(page, L)
    .getByText(fill(L.classroom.randomized.swappedCount, { swapped, total: TOTAL }))
    .waitFor();
}

async function sessionOf(origin: string, code: string) {
  const response = await fetch(`${origin}${classroomApi.session(code)}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** A submission sent straight to the API, as another client of the contract would. */
async function submitViaApi(origin: string, code: string, body: unknown, key: string) {
  const response = await fetch(`${origin}${classroomApi.submissions(code)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [IDEMPOTENCY_HEADER]: key },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The rows of a table as text: [row header, cells…]. */
const tableRows = (page: Page, name: string) =>
  page
    .getByRole('table', { name, exact: true })
    .evaluate((table: HTMLTableElement) =>
      [...table.tBodies[0]!.rows].map((row) =>
        [...row.cells].map((cell) => cell.textContent?.trim() ?? ''),
      ),
    );

describe('a whole classroom round with the service', () => {
  // Which of the twelve pupils take the quiz in a browser of their own: in `npm test` one (the one
  // who answered a little before joining), the rest send seeded randomized submissions straight
  // to the API, as the app would; in the sweep six, each joining and sending in a way of their own.
  const inBrowser = new Set(tier([5], [0, 1, 2, 3, 4, 5]));

  it('runs from a new round through twelve pupils to the estimated class result, print and CSV', async () => {
    const origin = await startService();
    const teacher = await newPage({ viewport: { width: 1920, height: 1080 } });
    await teacher.addInitScript(() => {
      // Count calls of window.print (a headless browser has no print dialog).
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    const code = await startRound(teacher, origin);
    expect(await h1(teacher).textContent()).toBe(
      fill(SV.teacher.page.title, { code: formatJoinCode(code) }),
    );
    await waitForCount(teacher, 0);
    // The live count arrives as Server-Sent Events, not by polling.
    expect(await teacher.getByText(fill(SV.teacher.live.polling, { seconds: 4 })).count()).toBe(0);
    const pupilLink = await teacher
      .getByRole('textbox', { name: SV.teacher.live.pupilLink })
      .inputValue();
    expect(pupilLink).toBe(`${origin}${paths.classroomJoin(code)}`);
    await teacher.getByRole('img', { name: SV.teacher.live.qr }).waitFor();

    // The teacher's page survives a reload: the key is kept in this browser.
    await teacher.reload();
    await teacher.getByRole('heading', { level: 2, name: SV.teacher.live.heading }).waitFor();
    await waitForCount(teacher, 0);

    // The teacher link opens the round on another device, and the key leaves the address bar.
    const teacherLink = await teacherLinkOf(teacher);
    const key = keyOf(teacherLink);
    expect(new URL(teacherLink).pathname).toBe(paths.classroomTeacher(code));
    const projectorPc = await newPage({ viewport: { width: 1280, height: 800 } });
    await projectorPc.goto(teacherLink);
    await projectorPc.getByRole('heading', { level: 2, name: SV.teacher.live.heading }).waitFor();
    await expect.poll(() => new URL(projectorPc.url()).hash, { timeout: 30_000 }).toBe('');
    await waitForCount(projectorPc, 0);
    await projectorPc.reload();
    await waitForCount(projectorPc, 0);
    expect(await teacherLinkOf(projectorPc)).toBe(teacherLink);
    // The key is never in a URL that reaches the server.
    for (const context of contexts)
      expect(requests.get(context)!.filter((url) => url.includes(key))).toEqual([]);

    const plans = Array.from({ length: CLASS_SIZE }, (_, p) => planFor(p));
    /** What each pupil sent: a seeded draw through the API, or what a browser posted. */
    const bodies: unknown[] = plans.map((_, p) => (inBrowser.has(p) ? null : apiBody(p)));
    const pupils: Page[] = [];
    const sent: Request[] = [];
    const firstInBrowser = Math.min(...inBrowser);

    for (const [p, plan] of plans.entries()) {
      if (!inBrowser.has(p)) {
        expect(
          await submitViaApi(origin, code, bodies[p]!, `pupil-through-the-api-${p}`),
        ).toMatchObject({
          status: 201,
        });
        await waitForCount(teacher, p + 1);
        await waitForCount(projectorPc, p + 1);
        continue;
      }
      const pupil = await newPage({ deviceScaleFactor: 2 });
      pupils.push(pupil);
      const posts = captureSubmissions(pupil);
      const everything = captureAll(pupil);
      // Some follow the link, some type the code; one has answered a little before joining.
      if (p === 1) await joinByCode(pupil, origin, formatJoinCode(code).toLowerCase());
      else if (p === 3)
        await joinByCode(pupil, origin, ` ${formatJoinCode(code).replaceAll('-', ' ')} `);
      else if (p === 5) {
        await pupil.goto(`${origin}${paths.statement(1)}`);
        await answerStatements(pupil, plan, 1, 3);
        await pupil.goto(pupilLink);
        await pupil
          .getByText(fill(SV.classroom.join.hasAnswers, { reached: 3, total: TOTAL }))
          .waitFor();
        await pupil.getByRole('button', { name: SV.classroom.join.keepAnswers }).click();
      } else await joinByLink(pupil, pupilLink);
      await takeWholeQuiz(pupil, plan, p === 5 ? 4 : 1);

      const panel = panelOf(pupil);
      // The panel says why answers are swapped, and that "Viktigt för mig" is not sent.
      await panel.getByText(SV.classroom.randomized.why, { exact: true }).waitFor();
      await panel.getByText(SV.classroom.panel.notImportant, { exact: true }).waitFor();
      const shown = (await openDisclosure(pupil)) as RandomizedSubmission;
      expect(Object.keys(shown).sort()).toEqual(['categories', 'p']);
      await expectPreviewOf(pupil, plan, shown);
      // The same draw after a reload: what is shown is what will be sent.
      await pupil.reload();
      expect(await openDisclosure(pupil)).toEqual(shown);
      if (p === firstInBrowser && SCREENSHOTS) {
        // The panel from its heading into the open table (the data view closed), as on a phone.
        await pupil.setViewportSize({ width: 390, height: 844 });
        await panel.locator('summary', { hasText: SV.classroom.randomized.raw }).click();
        const box = (await panel.boundingBox())!;
        const top = box.y + (await pupil.evaluate(() => window.scrollY));
        await pupil.screenshot({
          path: 'docs/screenshots/classroom-pupil-panel-390.png',
          fullPage: true,
          clip: { x: 0, y: Math.max(0, top - 16), width: 390, height: Math.min(box.height, 1300) },
        });
        await panel.locator('summary', { hasText: SV.classroom.randomized.raw }).click();
      }
      const send = panel.getByRole('button', { name: SV.classroom.panel.send, exact: true });

      if (p === 3) {
        // Two clicks before the page can react: one request.
        await send.evaluate((button: HTMLButtonElement) => {
          button.click();
          button.click();
        });
        await panel.getByText(SV.classroom.panel.sent).waitFor();
        expect(posts).toHaveLength(1);
      } else if (p === 4) {
        // The service counts the answers but the reply is lost on the way back; the retry
        // carries the same body and idempotency key and is counted once, also after a reload.
        await pupil.route(
          '**/api/sessions/*/submissions',
          async (route) => {
            const response = await route.fetch();
            expect(response.status()).toBe(201);
            await route.abort('connectionreset');
          },
          { times: 1 },
        );
        await send.click();
        await panel.getByText(SV.classroom.panel.network).waitFor();
        await waitForCount(teacher, p + 1);
        await pupil.reload();
        expect(await openDisclosure(pupil)).toEqual(shown);
        await send.click();
        await panel.getByText(SV.classroom.panel.sentBefore).waitFor();
        expect(posts).toHaveLength(2);
        expect(posts[1]!.postData()).toBe(posts[0]!.postData());
        expect(await posts[1]!.headerValue(IDEMPOTENCY_HEADER)).toBe(
          await posts[0]!.headerValue(IDEMPOTENCY_HEADER),
        );
        expect((await sessionOf(origin, code)).body.submissions).toBe(p + 1);
      } else {
        await send.click();
        await panel.getByText(SV.classroom.panel.sent).waitFor();
        expect(posts).toHaveLength(1);
      }
      await expectSubmissionRequest(posts[0]!, shown);
      expectNoTrueAnswers(everything);
      bodies[p] = posts[0]!.postDataJSON();
      sent.push(posts[0]!);
      expect(await panel.getByRole('button', { name: SV.classroom.panel.send }).count()).toBe(0);
      // Both teacher pages count up without a reload.
      await waitForCount(teacher, p + 1);
      await waitForCount(projectorPc, p + 1);
    }

    // The last pupil reloads: the panel says the answers are sent and offers no second send.
    const last = pupils.at(-1)!;
    await last.reload();
    await panelOf(last).getByText(SV.classroom.panel.alreadySent).waitFor();
    expect(await panelOf(last).getByRole('button', { name: SV.classroom.panel.send }).count()).toBe(
      0,
    );
    // The same request again (same idempotency key) changes nothing.
    const again = await submitViaApi(
      origin,
      code,
      sent.at(-1)!.postDataJSON(),
      (await sent.at(-1)!.headerValue(IDEMPOTENCY_HEADER))!,
    );
    expect(again).toEqual({ status: 200, body: { status: 'already-counted' } });
    // The five-point shape of older apps is refused, and counted nowhere.
    const outdated = await submitViaApi(
      origin,
      code,
      { answers: { [compass.statements[0]!.id]: { answer: 1, important: false } } },
      'an-older-app-of-the-class-0123',
    );
    expect(outdated).toMatchObject({ status: 400, body: { error: 'outdated-submission' } });
    expect((await sessionOf(origin, code)).body.submissions).toBe(CLASS_SIZE);
    expect(await liveCount(teacher).textContent()).toBe(String(CLASS_SIZE));

    // The projector view: code, QR code, link and the count, large.
    await teacher.getByRole('button', { name: SV.teacher.live.projector }).click();
    const projector = teacher.getByRole('region', { name: SV.teacher.live.projector });
    await projector.getByRole('img', { name: SV.teacher.live.qr }).waitFor();
    expect(await projector.getByText(formatJoinCode(code), { exact: true }).isVisible()).toBe(true);
    expect(await projector.locator('.count-number').textContent()).toBe(String(CLASS_SIZE));
    // The pupils' address, whole, wrapping (after a "/") rather than running off the screen.
    const address = projector.locator('.projector-link');
    expect(await address.textContent()).toBe(pupilLink.replace(/^https?:\/\//, ''));
    expect(await address.evaluate((p) => p.scrollWidth <= p.clientWidth)).toBe(true);
    // The code on one line, as large as fits beside the QR code.
    const shownCode = projector.getByText(formatJoinCode(code), { exact: true });
    expect(await shownCode.evaluate((p) => p.getClientRects().length)).toBe(1);
    expect(
      await shownCode.evaluate((p) => {
        const range = document.createRange();
        range.selectNodeContents(p);
        return range.getClientRects().length;
      }),
    ).toBe(1);
    await screenshot(teacher, 'classroom-teacher-live-1920.png');
    await teacher.getByRole('button', { name: SV.teacher.live.leaveProjector }).click();
    await waitForCount(teacher, CLASS_SIZE);

    // Close: the class result, here and on the other device (told by the live stream).
    await closeRound(teacher);
    await teacher.getByRole('heading', { level: 2, name: SV.teacher.results.heading }).waitFor();
    await projectorPc
      .getByRole('heading', { level: 2, name: SV.teacher.results.heading })
      .waitFor();
    await teacher.getByText(fill(SV.teacher.results.submissions, { count: CLASS_SIZE })).waitFor();
    if (SCREENSHOTS) {
      await teacher.evaluate(() => window.scrollTo(0, 0));
      await screenshot(teacher, 'classroom-teacher-result-1920.png');
    }

    // Each statement's table holds the estimates of what the twelve sent, with their intervals.
    const figures = figuresOf(bodies);
    expect(figures.submissions).toBe(CLASS_SIZE);
    for (const [n, statement] of compass.statements.entries()) {
      const rows = await tableRows(
        teacher,
        fill(SV.teacher.estimated.tableCaption, { number: n + 1 }),
      );
      const estimate = figures.statements[statement.id]!;
      const expected = ESTIMATE_ORDER.map((category) => {
        const shown = shownEstimate(estimate.categories[category]);
        return [
          estimateLabel(SV, category),
          fill(SV.teacher.estimated.shareValue, { percent: shown.percent, se: shown.se }),
          fill(SV.teacher.estimated.intervalValue, { low: shown.low, high: shown.high }),
          String(estimate.categories[category].observed),
        ];
      });
      expect(rows, `statement ${n + 1}`).toEqual(expected);
    }
    // A bar with its interval per category, hidden from screen readers.
    expect(await teacher.locator('svg.estimate-bar[aria-hidden="true"]').count()).toBe(4 * TOTAL);
    // No five-point figures: no importance, no "first", no stacked bars of pupils.
    expect(await teacher.locator('.stacked-bar').count()).toBe(0);

    // Sorting by how divided the class appears (from the estimated shares), and back.
    const order = () =>
      teacher
        .locator('.class-statement-list > li h3')
        .evaluateAll((hs) => hs.map((h) => h.id.replace(/^estimated-statement-/, '')));
    const compassOrder = compass.statements.map((s) => s.id);
    expect(await order()).toEqual(compassOrder);
    await teacher.getByRole('radio', { name: SV.teacher.estimated.orderDivided }).check();
    const divided = byEstimatedDivision(compass.statements, figures.statements).map((s) => s.id);
    expect(divided).not.toEqual(compassOrder);
    await expect.poll(order, { timeout: 30_000 }).toEqual(divided);
    await teacher.getByRole('radio', { name: SV.teacher.estimated.orderCompass }).check();
    await expect.poll(order, { timeout: 30_000 }).toEqual(compassOrder);

    // The parties: the class profile's agreement, in the domain's order.
    const partyRows = await tableRows(teacher, SV.teacher.estimated.partiesCaption);
    expect(figures.profile).not.toBeNull();
    const expectedParties = figures.profile!.parties.map((figure) => {
      const party = compass.parties.find((x) => x.id === figure.party)!;
      return [
        fill(SV.app.party.label, { name: party.name, municipality: party.municipality }),
        fill(SV.teacher.results.percent, { percent: figure.percent }),
        figure.rank === null
          ? SV.teacher.estimated.unranked
          : fill(SV.teacher.estimated.rankValue, { rank: figure.rank }),
      ];
    });
    expect(partyRows).toEqual(expectedParties);

    // CSV: the aggregates, exactly, and nothing about any one pupil.
    const [download] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByRole('button', { name: SV.teacher.results.csv }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(fill(SV.teacher.results.csvName, { code }));
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toBe(classResultCsv(compass, figures, 'sv', 'standard'));
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines.slice(0, 4)).toEqual([
      'p,submissions',
      `${RANDOMIZATION_P},${CLASS_SIZE}`,
      '',
      'statement,text,category,observed,estimate,standardError,share',
    ]);
    expect(lines).toHaveLength(4 + 4 * TOTAL + 2 + compass.parties.length + 1);
    for (const request of sent)
      expect(csv).not.toContain((await request.headerValue(IDEMPOTENCY_HEADER))!);
    // The same figures for Excel in Swedish: semicolons and decimal commas, a name of its own.
    const [excel] = await Promise.all([
      teacher.waitForEvent('download'),
      teacher.getByRole('button', { name: SV.teacher.results.csvExcelSv }).click(),
    ]);
    expect(excel.suggestedFilename()).toBe(fill(SV.teacher.results.csvNameExcelSv, { code }));
    const excelCsv = readFileSync(await excel.path(), 'utf8');
    expect(excelCsv).toBe(classResultCsv(compass, figures, 'sv', 'excel-sv'));
    expect(excelCsv.split('\r\n')[0]).toBe('\uFEFFp;submissions');

    // Print: the button prints, and the page prints to a PDF without the controls.
    await teacher.getByRole('button', { name: SV.teacher.results.print }).click();
    expect(await teacher.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(
      1,
    );
    await teacher.emulateMedia({ media: 'print' });
    expect(await teacher.getByRole('button', { name: SV.teacher.results.csv }).isVisible()).toBe(
      false,
    );
    expect(
      await teacher
        .getByRole('heading', { level: 2, name: SV.teacher.results.heading })
        .isVisible(),
    ).toBe(true);
    expect(await teacher.locator('svg.estimate-bar').first().isVisible()).toBe(true);
    const pdf = await teacher.pdf({ format: 'A4', printBackground: true });
    await teacher.emulateMedia({ media: 'screen' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length).toBeGreaterThan(1);

    // The closed round's page also survives a reload.
    await teacher.reload();
    await teacher.getByRole('heading', { level: 2, name: SV.teacher.results.heading }).waitFor();

    await expectPrivateAndQuiet(origin);
  }, 300_000);
});

describe('the ten-submission rule', () => {
  it('withholds the result of a round closed with nine pupils, in the page and in the API', async () => {
    const origin = await startService();
    const teacher = await newPage({ viewport: { width: 1280, height: 800 } });
    const code = await startRound(teacher, origin);
    const key = keyOf(await teacherLinkOf(teacher));
    const pupilLink = `${origin}${paths.classroomJoin(code)}`;

    // One pupil in a browser, who reached three statements; eight more through the API.
    const pupil = await newPage();
    await joinByLink(pupil, pupilLink);
    await answerStatements(pupil, planFor(0), 1, 3);
    await pupil.goto(`${origin}${paths.results}`);
    await panelOf(pupil)
      .getByRole('button', { name: SV.classroom.panel.send, exact: true })
      .click();
    await panelOf(pupil).getByText(SV.classroom.panel.sent).waitFor();
    for (let p = 1; p < 9; p++)
      expect(
        (await submitViaApi(origin, code, apiBody(p, 3), `too-few-pupil-${p}-0123`)).status,
      ).toBe(201);
    await waitForCount(teacher, 9);
    // A tenth pupil is still on the results page when the round closes.
    const late = await newPage();
    await joinByLink(late, pupilLink);
    await answerStatements(late, planFor(9), 1, 2);
    await late.goto(`${origin}${paths.results}`);
    await panelOf(late)
      .getByRole('button', { name: SV.classroom.panel.send, exact: true })
      .waitFor();

    await closeRound(teacher);
    await teacher
      .getByRole('heading', { level: 2, name: SV.teacher.results.withheldTitle })
      .waitFor();
    await teacher
      .getByText(fill(SV.teacher.estimated.withheld, { submissions: 9, min: 10 }), { exact: true })
      .waitFor();
    await teacher.getByText(SV.teacher.estimated.withheldWhy, { exact: true }).waitFor();
    // No figures at all: no tables, no bars, no export.
    expect(await teacher.getByRole('table').count()).toBe(0);
    expect(await teacher.locator('.estimate-bar, .party-bars').count()).toBe(0);
    expect(await teacher.getByRole('button', { name: SV.teacher.results.csv }).count()).toBe(0);
    expect(await teacher.getByText('%').count()).toBe(0);

    // The API says the same, and only with the teacher key.
    const results = `${origin}${classroomApi.results(code)}`;
    const withKey = await fetch(results, { headers: { Authorization: `Bearer ${key}` } });
    expect(withKey.status).toBe(200);
    expect(await withKey.json()).toEqual({ submissions: 9, withheld: 'too-few' });
    expect((await fetch(results)).status).toBe(401);

    // The closed round takes no more answers.
    await panelOf(late).getByRole('button', { name: SV.classroom.panel.send, exact: true }).click();
    await panelOf(late).getByText(SV.classroom.panel.closed).waitFor();
    expect((await sessionOf(origin, code)).body).toMatchObject({ open: false, submissions: 9 });

    await expectPrivateAndQuiet(origin);
  }, 180_000);
});

describe('deleting a round', () => {
  it('removes it everywhere: the teacher page, the join page and the API', async () => {
    const origin = await startService();
    const teacher = await newPage({ viewport: { width: 1280, height: 800 } });
    const code = await startRound(teacher, origin);
    const key = keyOf(await teacherLinkOf(teacher));
    const pupil = await newPage();
    await joinByLink(pupil, `${origin}${paths.classroomJoin(code)}`);
    await answerStatements(pupil, planFor(0), 1, 2);
    await pupil.goto(`${origin}${paths.results}`);
    await panelOf(pupil)
      .getByRole('button', { name: SV.classroom.panel.send, exact: true })
      .click();
    await panelOf(pupil).getByText(SV.classroom.panel.sent).waitFor();
    await waitForCount(teacher, 1);

    await closeRound(teacher);
    await teacher
      .getByRole('heading', { level: 2, name: SV.teacher.results.withheldTitle })
      .waitFor();
    await teacher.getByRole('button', { name: SV.teacher.results.delete }).click();
    await teacher.getByRole('button', { name: SV.teacher.results.deleteConfirm }).click();
    await teacher
      .getByRole('heading', { level: 2, name: SV.teacher.results.deletedTitle })
      .waitFor();
    // The key is gone from the browser too: a reload finds no key.
    expect(
      await teacher.evaluate(() => localStorage.getItem('valkompass-teacher-keys')),
    ).toBeNull();
    await teacher.reload();
    await teacher.getByRole('heading', { level: 2, name: SV.teacher.page.noKeyTitle }).waitFor();

    // The pupil's join page: no such round, and a way to leave it.
    await pupil.goto(`${origin}${paths.classroomJoin(code)}`);
    await pupil
      .getByText(fill(SV.classroom.join.notFound, { code: formatJoinCode(code) }))
      .waitFor();
    await pupil.getByRole('button', { name: SV.classroom.common.leave }).click();
    await pupil.getByText(SV.classroom.join.left).waitFor();

    // The API: 404 for the round, its results and its deletion.
    expect(await sessionOf(origin, code)).toMatchObject({
      status: 404,
      body: { error: 'not-found' },
    });
    const auth = { Authorization: `Bearer ${key}` };
    expect((await fetch(`${origin}${classroomApi.results(code)}`, { headers: auth })).status).toBe(
      404,
    );
    expect(
      (await fetch(`${origin}${classroomApi.session(code)}`, { method: 'DELETE', headers: auth }))
        .status,
    ).toBe(404);
    expect(await service!.store.getRound(code)).toBeNull();

    await expectPrivateAndQuiet(origin);
  }, 120_000);
});

describe('a site without the classroom service', () => {
  it('says so plainly on every classroom page, and the quiz works as always', async () => {
    const origin = (await fixture.serveForTest(serveBuiltSite)).url;
    const page = await newPage();
    const failed: string[] = [];
    const refused: string[] = [];
    page.on('requestfailed', (r) => {
      // A request cut short by the next navigation (net::ERR_ABORTED) is not a failure.
      const error = r.failure()?.errorText ?? '';
      if (!error.includes('ERR_ABORTED')) failed.push(`${r.url()}: ${error}`);
    });
    page.on('response', (r) => {
      if (r.status() >= 400) refused.push(new URL(r.url()).pathname);
    });

    // The old address (from before compasses had their own) leads to the compass's classroom page.
    await page.goto(`${origin}/klass`);
    await page.getByText(SV.classroom.common.absent).waitFor();
    expect(new URL(page.url()).pathname).toBe(paths.classroom);
    expect(await page.getByRole('textbox').count()).toBe(0);
    expect(await page.getByRole('link', { name: SV.classroom.entry.teacherLink }).count()).toBe(0);

    await page.goto(`${origin}${paths.classroomNew}`);
    await page.getByText(SV.teacher.new.absent).waitFor();
    expect(await page.getByRole('button', { name: SV.teacher.new.start }).count()).toBe(0);

    await page.goto(`${origin}${paths.classroomJoin('K7M-2XP-9DW')}`);
    await page.getByText(SV.classroom.common.absent).waitFor();
    expect(await page.getByRole('button', { name: SV.classroom.join.start }).count()).toBe(0);

    // The quiz, from the classroom page's own link to a result, with no class panel.
    await page.getByRole('link', { name: SV.classroom.common.toQuiz }).click();
    await page.getByRole('link', { name: 'Starta' }).click();
    await answerStatements(page, planFor(1), 1, 12);
    await page.goto(`${origin}${paths.results}`);
    await page.getByRole('heading', { level: 1, name: SV.app.results.title }).waitFor();
    await page.locator('.ranking-row').first().waitFor();
    expect(await panelOf(page).count()).toBe(0);

    // Nothing failed but the health checks a static host does not answer.
    expect(failed, 'failed requests').toEqual([]);
    expect(
      refused.filter((path) => !path.startsWith('/api/')),
      'refused requests',
    ).toEqual([]);
    expect(refused.length).toBeGreaterThan(0);
    await expectPrivateAndQuiet(origin);
  }, 120_000);
});

describe('accessibility (axe-core, WCAG 2.2 AA) and whole words at 320 px of the classroom screens', () => {
  const ALL = [
    ['Swedish, light mode', 'light', 'sv-SE', STRINGS.sv],
    ['Swedish, dark mode', 'dark', 'sv-SE', STRINGS.sv],
    ['English', 'light', 'en-GB', STRINGS.en],
    ['Arabic, right to left', 'light', 'ar', STRINGS.ar],
  ] as const;
  // `npm test`: Swedish; the sweep: every language and the dark mode.
  it.each([...tier<readonly (typeof ALL)[number][]>(ALL.slice(0, 1), ALL)])(
    'has no violations and no broken word in %s, from the classroom page to the deleted round',
    async (_name, colorScheme, locale, L) => {
      const origin = await startService();
      // bypassCSP only so that axe itself can be injected; the service's CSP is tested elsewhere.
      const options = { bypassCSP: true, colorScheme, locale } as const;
      const teacher = await newPage({ ...options, viewport: { width: 1280, height: 800 } });
      const pupil = await newPage(options);
      const failures: string[] = [];
      const check = async (page: Page, screen: string) => {
        for (const v of await axeViolations(page)) failures.push(`${screen}: ${v}`);
      };

      await pupil.goto(`${origin}${L.paths.classroom}`);
      await pupil.getByRole('textbox', { name: L.classroom.entry.codeLabel }).waitFor();
      await check(pupil, 'entry page');

      await teacher.goto(`${origin}${L.paths.classroomNew}`);
      await teacher.getByRole('button', { name: L.teacher.new.start }).waitFor();
      await check(teacher, 'new round');
      const code = await startRound(teacher, origin, L);
      await teacher.getByRole('img', { name: L.teacher.live.qr }).waitFor();
      await check(teacher, 'live view');
      await teacher.getByRole('button', { name: L.teacher.live.projector }).click();
      await teacher
        .getByRole('region', { name: L.teacher.live.projector })
        .getByRole('img', { name: L.teacher.live.qr })
        .waitFor();
      await check(teacher, 'projector view');
      await teacher.getByRole('button', { name: L.teacher.live.leaveProjector }).click();

      await pupil.goto(`${origin}${L.paths.classroomJoin(code)}`);
      await pupil.getByText(L.classroom.join.open).waitFor();
      await check(pupil, 'join page');
      await pupil.getByRole('button', { name: L.classroom.join.start }).click();
      await answerStatements(pupil, planFor(2), 1, 4, L);
      await pupil.goto(`${origin}${L.paths.results}`);
      await openDisclosure(pupil, L);
      await check(pupil, 'pupil panel, disclosure open');
      // No word or number split from its unit on a phone, also with text at 200 %.
      for (const problem of await measure(pupil)) failures.push(`pupil panel: ${problem}`);
      await pupil.setViewportSize({ width: 1280, height: 720 });
      await panelOf(pupil, L)
        .getByRole('button', { name: L.classroom.panel.send, exact: true })
        .click();
      await panelOf(pupil, L).getByText(L.classroom.panel.sent).waitFor();
      await check(pupil, 'pupil panel, sent');

      // Nine more pupils, straight through the API: ten, enough for a result.
      for (let p = 0; p < 9; p++) {
        const sent = await submitViaApi(origin, code, apiBody(p), `pupil-${p}-of-the-class-0123`);
        expect(sent.status).toBe(201);
      }
      await waitForCount(teacher, 10);
      await teacher.getByRole('button', { name: L.teacher.live.close }).click();
      await teacher.getByRole('button', { name: L.teacher.live.closeConfirm }).waitFor();
      await check(teacher, 'closing, confirmation');
      await teacher.getByRole('button', { name: L.teacher.live.closeConfirm }).click();
      await teacher.getByRole('heading', { level: 2, name: L.teacher.results.heading }).waitFor();
      await teacher.locator('svg.estimate-bar').first().waitFor();
      await check(teacher, 'class result');
      for (const problem of await measure(teacher)) failures.push(`class result: ${problem}`);
      await teacher.setViewportSize({ width: 1280, height: 800 });
      await teacher.getByRole('button', { name: L.teacher.results.delete }).click();
      await teacher.getByRole('button', { name: L.teacher.results.deleteConfirm }).waitFor();
      await check(teacher, 'deleting, confirmation');
      await teacher.getByRole('button', { name: L.teacher.results.deleteConfirm }).click();
      await teacher
        .getByRole('heading', { level: 2, name: L.teacher.results.deletedTitle })
        .waitFor();
      await check(teacher, 'deleted round');

      expect(failures).toEqual([]);
      await expectPrivateAndQuiet(origin);
    },
    180_000,
  );
});
