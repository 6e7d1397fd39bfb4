import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellAgreement } from '../../src/domain/workbench/agreement.ts';
import type { MetaBody, WorkspaceView } from '../../src/domain/workbench/api.ts';
import { formatDecimal } from '../../src/i18n/labels.ts';
import { measure } from '../../src/test/browser/broken-words.ts';
import {
  axeViolations,
  type BrowserContext,
  browserFixture,
  classroomService,
  type Page,
  pageReady,
  type Served,
} from '../../src/test/browser/browser.ts';
import { SWEEP } from '../../src/test/tier.ts';

/**
 * Redaktionen end to end, on the real service over the built site: an editor builds a compass
 * (settings, three parties with their programmes, one read from a PDF, six statements), two
 * coders code every cell blind in browsers of their own (selecting passages with the mouse, one
 * cell each by the keyboard, some silent, two cells in disagreement), the editor reconciles them
 * (the agreement shown is cellAgreement's), checks the balance and the draft and publishes; a
 * voter then takes the published quiz and a host page embeds it.
 *
 * With WORKBENCH_SCREENSHOTS=1 the run also writes docs/screenshots/workbench-<step>-1280.png
 * for each step and the coding screen at 390 px, after `npm run build`:
 * `WORKBENCH_SCREENSHOTS=1 npx vitest run --config vitest.e2e.config.ts tests/e2e/workbench.e2e.ts`.
 */

const SHOTS = process.env.WORKBENCH_SCREENSHOTS === '1';
const SHOT_DIR = 'docs/screenshots';
const DESKTOP = { viewport: { width: 1280, height: 900 }, bypassCSP: true } as const;

async function shot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  mkdirSync(SHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SHOT_DIR, `workbench-${name}.png`), fullPage: true });
}

const COMPASS = 'knivsta-test';
const TITLE = 'Socialpolitik i Knivsta (test)';

/** The rules of this small compass: its size set in the settings, the balance rules the defaults. */
const RULES: MetaBody['rules'] = {
  minStatements: 6,
  maxStatements: 32,
  minThemes: 2,
  minCoverage: 0.3,
  minLessShare: 0.3,
  maxAgreeAllPercent: 75,
};

interface PartyPlan {
  readonly id: string;
  readonly name: string;
  readonly short: string;
  readonly colour: string;
  /** Pasted text, or the PDF fixture. */
  readonly programme: string | { readonly pdf: string };
}

const PARTIES: readonly PartyPlan[] = [
  {
    id: 'tp',
    name: 'Trygghetspartiet',
    short: 'TP',
    colour: '#0b5cad',
    programme: { pdf: 'tests/fixtures/programmes/programme.pdf' },
  },
  {
    id: 'fp',
    name: 'Framtidspartiet',
    short: 'FP',
    colour: '#a4000f',
    programme: [
      'Framtidspartiet i Knivsta',
      'Vi vill att kommunen ställer tydliga krav på den som får försörjningsstöd. Alla som kan arbeta ska söka jobb eller delta i praktik.',
      'Kommunen ska hålla nere kostnaderna i äldreomsorgen genom att upphandla mer.',
      'Fler familjehem behövs, och kommunen ska betala ut ett högre arvode till dem.',
      'LSS-insatser ska prövas noga så att pengarna räcker till dem som behöver mest.',
    ].join('\n\n'),
  },
  {
    id: 'gl',
    name: 'Gemenskapslistan',
    short: 'GL',
    colour: '#1b6e3a',
    programme: [
      'Gemenskapslistans program',
      'Välfärden ska aldrig drivas för vinst. Äldreomsorgen ska få mer personal och mer tid för varje brukare.',
      'Vi vill bygga ut de öppna förskolorna så att de finns nära alla familjer.',
      'Ekonomiskt bistånd är en rättighet och ska inte villkoras med hårdare krav.',
      'Stödet enligt LSS ska byggas ut, inte skäras ned.',
    ].join('\n\n'),
  },
];

const THEMES = [
  { id: 'barn', sv: 'Barn och familj', en: 'Children and families' },
  { id: 'omsorg', sv: 'Omsorg och stöd', en: 'Care and support' },
] as const;

interface StatementPlan {
  readonly id: string;
  readonly theme: (typeof THEMES)[number]['id'];
  readonly direction: 'mer' | 'mindre';
  readonly sv: string;
  readonly en: string;
  readonly explainer: string;
  readonly explainerEn: string;
}

const STATEMENTS: readonly StatementPlan[] = [
  {
    id: 'fler-familjehem',
    theme: 'barn',
    direction: 'mer',
    sv: 'Kommunen ska rekrytera fler jourfamiljer och kontaktfamiljer.',
    en: 'The municipality should recruit more emergency and contact families.',
    explainer:
      'En jourfamilj tar emot ett barn med kort varsel. En kontaktfamilj träffar ett barn några helger i månaden.',
    explainerEn:
      'An emergency family takes in a child at short notice. A contact family sees a child some weekends a month.',
  },
  {
    id: 'oppna-forskolor',
    theme: 'barn',
    direction: 'mer',
    sv: 'Det ska finnas en öppen förskola i varje stadsdel.',
    en: 'There should be an open preschool in every district.',
    explainer:
      'En öppen förskola är en plats dit föräldrar kan gå med sina barn utan anmälan. Kommunen bestämmer hur många det finns.',
    explainerEn:
      'An open preschool is a place where parents can go with their children without signing up. The municipality decides how many there are.',
  },
  {
    id: 'aldreomsorg-tid',
    theme: 'omsorg',
    direction: 'mer',
    sv: 'Äldreomsorgen ska ha mer tid för varje person, även på kvällar och helger.',
    en: 'Elderly care should have more time for each person, also in the evenings and at weekends.',
    explainer:
      'Personalen i äldreomsorgen har ett visst antal minuter för varje besök. Mer tid kräver mer personal.',
    explainerEn:
      'Staff in elderly care have a set number of minutes for each visit. More time needs more staff.',
  },
  {
    id: 'sank-kostnader',
    theme: 'omsorg',
    direction: 'mindre',
    sv: 'Kommunen ska sänka kostnaderna i äldreomsorgen.',
    en: 'The municipality should lower the costs of elderly care.',
    explainer:
      'Äldreomsorgen är en av kommunens största utgifter. Kostnaderna kan sänkas till exempel genom upphandling.',
    explainerEn:
      'Elderly care is one of the largest costs of the municipality. Costs can be lowered for example through procurement.',
  },
  {
    id: 'krav-bistand',
    theme: 'omsorg',
    direction: 'mindre',
    sv: 'Kommunen ska ställa hårdare krav på den som får försörjningsstöd.',
    en: 'The municipality should make stricter demands on those who receive income support.',
    explainer:
      'Försörjningsstöd är pengar från kommunen till den som inte kan försörja sig. Kommunen kan kräva att man söker jobb.',
    explainerEn:
      'Income support is money from the municipality for those who cannot support themselves. The municipality can require a job search.',
  },
  {
    id: 'spara-lss',
    theme: 'omsorg',
    direction: 'mindre',
    sv: 'Kommunen ska spara pengar på insatser enligt LSS.',
    en: 'The municipality should save money on support under the LSS act.',
    explainer:
      'LSS är en lag om stöd till personer med vissa funktionsnedsättningar. Kommunen beslutar om många av insatserna.',
    explainerEn:
      'LSS is a law on support for people with certain disabilities. The municipality decides on many of the services.',
  },
];

type Position = 1 | 0.5 | 0 | -0.5 | -1;
/** How a coder codes a cell: silent, or a position with a passage selected `from` … `to`. */
type CellPlan =
  | { readonly kind: 'silent' }
  | {
      readonly kind: 'stated' | 'implied';
      readonly position: Position;
      readonly from: string;
      readonly to: string;
      /** By the keyboard: search for this, arrow into the sentences, Enter. */
      readonly search?: string;
    };

const silent: CellPlan = { kind: 'silent' };
const cell = (
  kind: 'stated' | 'implied',
  position: Position,
  from: string,
  to: string,
  search?: string,
): CellPlan => ({ kind, position, from, to, ...(search ? { search } : {}) });

/** Coder A's coding of every cell, by statement and party. */
const CODER_A: Readonly<Record<string, Readonly<Record<string, CellPlan>>>> = {
  'fler-familjehem': {
    tp: cell('stated', 1, 'Kommunen ska rekrytera', 'redan finns.', 'kontaktfamiljer'),
    fp: cell('stated', 1, 'Fler familjehem', 'arvode till dem.'),
    gl: silent,
  },
  'oppna-forskolor': {
    tp: cell('stated', 1, 'Öppna förskolor', 'alla stadsdelar.'),
    fp: silent,
    gl: cell('stated', 1, 'Vi vill bygga ut', 'alla familjer.'),
  },
  'aldreomsorg-tid': {
    tp: cell('stated', 1, 'Äldreomsorgen ska ha', 'och helger.'),
    fp: cell('implied', -0.5, 'Kommunen ska hålla nere', 'upphandla mer.'),
    gl: cell('stated', 1, 'Äldreomsorgen ska få', 'varje brukare.'),
  },
  'sank-kostnader': {
    tp: silent,
    fp: cell('stated', 1, 'Kommunen ska hålla nere', 'upphandla mer.'),
    gl: cell('implied', -0.5, 'Välfärden ska aldrig', 'för vinst.'),
  },
  'krav-bistand': {
    tp: cell('implied', -0.5, 'Ekonomiskt bistånd ska', 'den enskilde.'),
    fp: cell('stated', 1, 'Vi vill att kommunen', 'får försörjningsstöd.'),
    gl: cell('stated', -1, 'Ekonomiskt bistånd är', 'hårdare krav.'),
  },
  'spara-lss': {
    tp: cell('stated', -1, 'Vi säger nej', 'LSS-insatser.'),
    fp: cell('implied', 0.5, 'LSS-insatser ska prövas', 'behöver mest.'),
    gl: cell('stated', -1, 'Stödet enligt LSS', 'skäras ned.'),
  },
};

/** Coder B agrees with A but on two cells, and reaches one quote by the keyboard. */
const CODER_B: typeof CODER_A = {
  ...CODER_A,
  'aldreomsorg-tid': {
    ...CODER_A['aldreomsorg-tid']!,
    fp: cell('implied', -1, 'Kommunen ska hålla nere', 'upphandla mer.'),
  },
  'spara-lss': { ...CODER_A['spara-lss']!, fp: silent },
  'krav-bistand': {
    ...CODER_A['krav-bistand']!,
    gl: cell('stated', -1, 'Ekonomiskt bistånd är', 'hårdare krav.', 'rättighet'),
  },
  'fler-familjehem': {
    ...CODER_A['fler-familjehem']!,
    tp: cell('stated', 1, 'Kommunen ska rekrytera', 'redan finns.'),
  },
};

const positionOf = (plan: CellPlan) => (plan.kind === 'silent' ? null : plan.position);
const cellsOf = (plans: typeof CODER_A) =>
  STATEMENTS.flatMap((s) =>
    PARTIES.map((p) => ({
      statement: s.id,
      party: p.id,
      coding: { position: positionOf(plans[s.id]![p.id]!) },
    })),
  );
const EXPECTED = cellAgreement(cellsOf(CODER_A), cellsOf(CODER_B));

const SCALE: Readonly<Record<Position, string>> = {
  1: 'Helt för',
  0.5: 'Delvis för',
  0: 'Varken för eller emot',
  [-0.5]: 'Delvis emot',
  [-1]: 'Helt emot',
};
const KIND = { stated: 'Uttalad', implied: 'Underförstådd', silent: 'Tyst' } as const;

/** The service over the built site, its database in a temporary file. */
async function service(): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'valkompass-workbench-'));
  const running = await classroomService({ databaseUrl: `sqlite:${join(dir, 'db.sqlite')}` });
  return {
    url: running.url,
    async close() {
      await running.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A page on another origin that shows `src` in a frame, as a news site would. */
async function hostPage(src: string): Promise<Served> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(
      `<!doctype html><html lang="sv"><title>Artikel</title><h1>Lokala nyheter</h1>` +
        `<iframe src="${src}" title="Valkompass" style="width:100%;height:800px;border:0"></iframe>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const site = browserFixture({ serve: service, timeout: 60_000 });

/** Waits until no field inside `scope` is marked invalid by the draft check. */
async function noFieldIssues(page: Page, scope: string, ids: readonly string[]): Promise<void> {
  for (const id of ids)
    await page.locator(`${scope} #${id}:not([aria-invalid="true"])`).waitFor({ state: 'attached' });
}

/**
 * Selects the passage from the start of `from` to the end of `to` in the programme shown, with
 * the mouse: pressed before the first character, dragged to after the last one.
 */
async function dragSelect(page: Page, from: string, to: string): Promise<void> {
  const text = page.locator('.coding-programme-text');
  await text.scrollIntoViewIfNeeded();
  const points = await text.evaluate(
    (container, { from, to }) => {
      const all = container.textContent ?? '';
      const start = all.indexOf(from);
      const end = all.indexOf(to, start) + to.length;
      if (start < 0 || end < start + to.length) throw new Error(`not in the programme: ${from}`);
      const rectAt = (offset: number) => {
        for (const run of container.querySelectorAll<HTMLElement>('[data-offset]')) {
          const at = Number(run.dataset.offset);
          const node = run.firstChild;
          if (!node || offset < at || offset >= at + (node.textContent ?? '').length) continue;
          const range = document.createRange();
          range.setStart(node, offset - at);
          range.setEnd(node, offset - at + 1);
          return range.getClientRects()[0]!;
        }
        throw new Error(`no run at ${offset}`);
      };
      const first = rectAt(start);
      const last = rectAt(end - 1);
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      };
    },
    { from, to },
  );
  await page.mouse.move(points.x1, points.y1);
  await page.mouse.down();
  await page.mouse.move(points.x2, points.y2, { steps: 4 });
  await page.mouse.up();
}

/** Codes the cell on screen as planned, saves it and waits until the service has it. */
async function codeCell(page: Page, plan: CellPlan, screenshot?: string): Promise<void> {
  const form = page.locator('form.coding-form');
  await form.getByRole('radio', { name: KIND[plan.kind], exact: true }).check();
  if (plan.kind !== 'silent') {
    if (plan.search) {
      const search = page.getByRole('searchbox', { name: 'Sök i programmet' });
      await search.fill(plan.search);
      await search.press('ArrowDown');
      const list = page.getByRole('listbox', { name: 'Meningar med sökordet' });
      await expect.poll(() => list.evaluate((e) => e === document.activeElement)).toBe(true);
      await list.press('Enter');
    } else {
      await dragSelect(page, plan.from, plan.to);
      const use = page.getByRole('button', { name: 'Använd markeringen som citat' });
      await use.waitFor();
      if (screenshot) await shot(page, screenshot);
      await use.click();
    }
    await page.getByText(`Citat valt: ${plan.from}`, { exact: false }).waitFor();
    await form.getByRole('radio', { name: SCALE[plan.position], exact: true }).check();
    await form.getByLabel('Anteckning').fill('Citatet säger det.');
  }
  await form.getByRole('button', { name: 'Spara kodningen' }).click();
  await form.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
}

/** A coder opens the link and codes all cells in order, starting from the list. */
async function codeAll(page: Page, plans: typeof CODER_A, name: string): Promise<void> {
  const total = STATEMENTS.length * PARTIES.length;
  await page.getByText(`0 av ${total} celler kodade`).waitFor();
  await page
    .getByRole('button', { name: `Koda ${PARTIES[0]!.short}` })
    .first()
    .click();
  let n = 0;
  for (const s of STATEMENTS)
    for (const p of PARTIES) {
      n += 1;
      await page.getByText(`Cell ${n} av ${total}`).waitFor();
      await page.getByRole('heading', { level: 2, name: `${p.name}: ${s.sv}` }).waitFor();
      // The screenshot of the coding screen: a passage selected, about to become the quote.
      await codeCell(
        page,
        plans[s.id]![p.id]!,
        n === 2 && name === 'Anna' ? 'coding-1280' : undefined,
      );
      if (n < total) await page.getByRole('button', { name: 'Nästa cell' }).click();
    }
  await page.getByRole('button', { name: 'Till listan över celler' }).click();
  await page.getByText(`${total} av ${total} celler kodade`).waitFor();
}

/** The workspace and key of a link made by the workbench (`/redaktion#w=<id>&k=<key>`). */
const keyOf = (link: string) =>
  Object.fromEntries(new URLSearchParams(new URL(link).hash.slice(1))) as { w: string; k: string };

/** Opens a step of the editor by its button in the steps' nav. */
async function step(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Steg' }).getByRole('button', { name }).click();
  await page.getByRole('heading', { level: 2, name: new RegExp(`^\\d\\.\\s${name}$`) }).waitFor();
}

describe('Redaktionen, from an empty workspace to a published compass', () => {
  let editor: Page;
  const coderLinks: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const context: BrowserContext = await site.newContext(DESKTOP);
    editor = await context.newPage();
    editor.on('pageerror', (e) => problems.push(e.message));
  });
  afterAll(() => {
    expect(problems).toEqual([]);
  });

  it('an editor creates a workspace and fills in the settings, parties and statements', async () => {
    const page = editor;
    await page.goto(`${site.origin}/redaktion`);
    await pageReady(page);
    await page.getByRole('heading', { level: 1, name: 'Redaktionen' }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'start-1280');

    await page.getByLabel('Arbetsytans namn').fill('Knivsta 2026');
    await page.getByRole('button', { name: 'Skapa arbetsyta' }).click();
    const link = await page.getByRole('textbox', { name: 'Redaktörslänk' }).inputValue();
    // The key travels in the link's fragment only.
    expect(keyOf(link).k).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await page.getByRole('button', { name: 'Öppna arbetsytan' }).click();

    // 1. The settings.
    await page.getByRole('heading', { level: 2, name: /^1\.\sKompassen$/ }).waitFor();
    await page.getByLabel('Kompassens id').fill(COMPASS);
    await page.getByLabel('Titel på svenska').fill(TITLE);
    await page.getByLabel('Titel på engelska').fill('Social policy in Knivsta (test)');
    await page.getByLabel('Beskrivning på svenska').fill('En testkompass om socialpolitik.');
    await page.getByLabel('Beskrivning på engelska').fill('A test compass on social policy.');
    await page.getByLabel('Kommun', { exact: true }).fill('Knivsta');
    // A small compass: the default size asks for 20–32 statements and 4 themes.
    await page.getByLabel('Minst antal påståenden').fill(String(RULES.minStatements));
    await page.getByLabel('Minst antal teman').fill(String(RULES.minThemes));
    for (const [i, theme] of THEMES.entries()) {
      await page.getByRole('button', { name: 'Lägg till tema' }).click();
      await page.getByLabel('Temats id').nth(i).fill(theme.id);
      await page.getByLabel('Temats namn på svenska').nth(i).fill(theme.sv);
      await page.getByLabel('Temats namn på engelska').nth(i).fill(theme.en);
    }
    await noFieldIssues(page, '.wb-step', [
      'wb-meta-id',
      'wb-meta-title-sv',
      'wb-meta-title-en',
      'wb-meta-description-sv',
      'wb-meta-description-en',
      'wb-meta-municipality',
    ]);
    // A theme's remove button names the theme for a screen reader only.
    const remove = page.getByRole('button', { name: `Ta bort ${THEMES[0].id}` });
    expect(await remove.locator('.visually-hidden').boundingBox()).toMatchObject({ width: 1 });
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'settings-1280');

    // 2. The parties and their programmes: the first from a PDF, the others pasted.
    await step(page, 'Partier och program');
    for (const party of PARTIES) {
      await page.getByLabel('Id för det nya').fill(party.id);
      await page.getByRole('button', { name: 'Lägg till parti' }).click();
      const item = page.locator('section.wb-item');
      await item.getByRole('heading', { level: 3, name: party.id }).waitFor();
      await item.getByLabel('Namn', { exact: true }).fill(party.name);
      await item.getByLabel('Förkortning').fill(party.short);
      await item.getByLabel('Färg').fill(party.colour);
      await item.getByLabel('Programmets adress (URL)').fill(`https://example.org/${party.id}`);
      if (typeof party.programme === 'string') {
        await item.getByLabel('Klistra in programtexten').fill(party.programme);
        await item.getByRole('button', { name: 'Använd den inklistrade texten' }).click();
      } else {
        await item
          .getByLabel('Eller välj en fil (PDF, HTML eller text)')
          .setInputFiles(party.programme.pdf);
      }
      const stored = item.getByLabel('Programtexten som den sparas');
      await expect
        .poll(() => stored.inputValue())
        .toContain(typeof party.programme === 'string' ? 'LSS' : 'LSS-insatser');
      await item.getByText(/^SHA-256: [0-9a-f]{64}$/).waitFor();
      const scope = `party-${party.id}`;
      await noFieldIssues(page, 'section.wb-item', [
        `wb-${scope}-name`,
        `wb-${scope}-short`,
        `wb-${scope}-colour`,
        `wb-${scope}-source-url`,
      ]);
    }
    await shot(page, 'parties-1280');

    // 3. Six statements, three "mer" and three "mindre".
    await step(page, 'Påståenden');
    for (const s of STATEMENTS) {
      await page.getByLabel('Id för det nya').fill(s.id);
      await page.getByRole('button', { name: 'Lägg till påstående' }).click();
      const item = page.locator('section.wb-item');
      await item.getByRole('heading', { level: 3, name: s.id }).waitFor();
      await item.getByLabel('Påstående', { exact: true }).fill(s.sv);
      await item.getByLabel('Förklaring', { exact: true }).fill(s.explainer);
      await item.getByLabel('Tema').selectOption(s.theme);
      await item.getByRole('radio', { name: s.direction, exact: true }).check();
      // The translations open by themselves while the draft check misses the English text.
      if (!(await item.locator('details').evaluate((d: HTMLDetailsElement) => d.open)))
        await item.getByText('Översättningar (frivilliga)').click();
      await item.getByLabel('Påstående på engelska').fill(s.en);
      await item.getByLabel('Förklaring på engelska').fill(s.explainerEn);
      const scope = `statement-${s.id}`;
      await noFieldIssues(page, 'section.wb-item', [
        `wb-${scope}-text-sv`,
        `wb-${scope}-text-en`,
        `wb-${scope}-explainer-sv`,
        `wb-${scope}-explainer-en`,
        `wb-${scope}-theme`,
      ]);
    }
    await page
      .getByRole('status')
      .filter({ hasText: /^Sparat$/ })
      .first()
      .waitFor();
    await shot(page, 'statements-1280');

    // 4. Two coders' links.
    await step(page, 'Kodare');
    for (const name of ['Anna', 'Bo']) {
      await page.getByLabel('Kodarens namn').fill(name);
      await page.getByRole('button', { name: 'Skapa kodarlänk' }).click();
      coderLinks.push(
        await page.getByRole('textbox', { name: `Kodarlänk för ${name}` }).inputValue(),
      );
    }
    expect(coderLinks).toHaveLength(2);
    await shot(page, 'coders-1280');
  }, 120_000);

  it('two coders code every cell blind, each in a browser of their own', async () => {
    const coders = await Promise.all(
      coderLinks.map(async (link) => {
        const page = await site.newPage(DESKTOP);
        page.on('pageerror', (e) => problems.push(e.message));
        await page.goto(link);
        await pageReady(page);
        return page;
      }),
    );
    const [anna, bo] = coders as [Page, Page];
    await anna.getByText('Dina celler').waitFor();
    expect(await axeViolations(anna)).toEqual([]);
    // Blind, side by side: each starts from no coding and sees only their own.
    await Promise.all([codeAll(anna, CODER_A, 'Anna'), codeAll(bo, CODER_B, 'Bo')]);
    // What Bo's key is given once both are done: his own 18 codings, none of Anna's.
    const { w, k } = keyOf(coderLinks[1]!);
    const view = (await (
      await fetch(`${site.origin}/api/workspaces/${w}`, {
        headers: { authorization: `Bearer ${k}` },
      })
    ).json()) as WorkspaceView;
    expect(view.codings).toHaveLength(STATEMENTS.length * PARTIES.length);
    expect(view.codings.every((c) => c.coder === view.coder?.id)).toBe(true);
    await anna
      .getByRole('button', { name: `Ändra ${PARTIES[0]!.short}` })
      .first()
      .click();
    await anna.getByText('Cell 1 av 18').waitFor();
    expect(await axeViolations(anna)).toEqual([]);
  }, 120_000);

  it('the editor sees the agreement, decides the disagreements, checks and publishes', async () => {
    const page = editor;
    // The editor comes back once the coders are done: the workspace as it is now.
    await page.reload();
    await pageReady(page);
    await step(page, 'Avstämning');
    const figures = page.locator('table.reconcile-figures');
    await figures.waitFor();
    const row = (name: string) => figures.getByRole('row', { name: new RegExp(`^${name}`) });
    const shown = (m: { percent: number | null; kappa: number | null }) => [
      `${formatDecimal(m.percent!, 'sv', 1)}\u00a0%`,
      formatDecimal(m.kappa!, 'sv', 3),
    ];
    expect(await row('Riktning').getByRole('cell').allTextContents()).toEqual(
      shown(EXPECTED.direction),
    );
    expect(await row('Exakt position').getByRole('cell').allTextContents()).toEqual(
      shown(EXPECTED.position),
    );
    await page.getByText(`Räknat på ${EXPECTED.cells} celler som båda kodat.`).waitFor();
    const items = page.locator('li.reconcile-item');
    await expect.poll(() => items.count()).toBe(EXPECTED.disagreements.length);
    expect(await axeViolations(page)).toEqual([]);
    await shot(page, 'reconciliation-1280');
    for (const item of await items.all()) {
      await item.getByRole('radio', { name: 'Ta kodningen från Anna' }).check();
      await item.getByLabel('Skäl till beslutet (krävs)').fill('Annas citat stöder positionen.');
      await item.getByRole('button', { name: 'Spara beslutet' }).click();
      await item.getByRole('status').filter({ hasText: 'Sparat.' }).waitFor();
      await item.getByText(/^Avgjord: /).waitFor();
    }

    await step(page, 'Balans');
    await page.getByRole('status').filter({ hasText: 'Uppdaterad' }).waitFor();
    // Every cell is decided or agreed on: none counts as not coded yet.
    expect(await page.getByText(/rutor .* är inte kodade än/).count()).toBe(0);
    await page.getByRole('table').first().waitFor();
    for (const party of PARTIES)
      expect(await page.getByRole('row', { name: new RegExp(party.name) }).count()).toBeGreaterThan(
        0,
      );
    await shot(page, 'balance-1280');

    await step(page, 'Förhandsvisning');
    await page.getByText(STATEMENTS[0]!.sv).waitFor();
    await shot(page, 'preview-1280');

    await step(page, 'Publicera');
    await page.getByRole('button', { name: 'Kontrollera utkastet' }).click();
    await page.getByText('Utkastet klarar alla kontroller.').waitFor();
    await page.getByRole('button', { name: `Publicera ${COMPASS}` }).click();
    await page.getByText(`Version 1 av ${COMPASS} är publicerad.`).waitFor();
    await shot(page, 'publish-1280');
  }, 120_000);

  it('a voter takes the published quiz, reads its open data, and a host page embeds it', async () => {
    const page = await site.newPage();
    await page.goto(`${site.origin}/${COMPASS}/`);
    await pageReady(page);
    await page.getByRole('heading', { name: TITLE }).waitFor();
    if (SHOTS) {
      await page.setViewportSize({ width: 1280, height: 900 });
      await shot(page, 'compass-1280');
    }
    await page.goto(`${site.origin}/${COMPASS}/fraga/1`);
    const answers = ['Helt för', 'Delvis emot', 'Helt för', 'Helt emot', 'Delvis för', 'Helt emot'];
    for (const [i, answer] of answers.entries()) {
      await page.getByText(`Påstående ${i + 1} av ${STATEMENTS.length}`).waitFor();
      await page.getByRole('heading', { level: 1, name: STATEMENTS[i]!.sv }).waitFor();
      await page.getByRole('button', { name: answer, exact: true }).click();
    }
    await page.getByRole('heading', { level: 1, name: 'Granska dina svar' }).waitFor();
    await page.getByRole('link', { name: 'Se ditt resultat' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ditt resultat' }).waitFor();
    const rows = page.locator('.ranking-row');
    await expect.poll(() => rows.count()).toBe(PARTIES.length);
    const ranked = (await rows.allTextContents()).join(' ');
    for (const party of PARTIES) expect(ranked).toContain(party.name);

    const data = await fetch(`${site.origin}/data/${COMPASS}.json`);
    expect(data.status).toBe(200);
    const open = (await data.json()) as { id: string; statements: unknown[] };
    expect(open.id).toBe(COMPASS);
    expect(open.statements).toHaveLength(STATEMENTS.length);

    // A news article on another origin (another port) with the compass in a frame.
    const article = await site.serveForTest(() => hostPage(`${site.origin}/embed/${COMPASS}`));
    const host = await site.newPage({ viewport: { width: 1280, height: 900 } });
    await host.goto(article.url);
    const frame = host.frameLocator('iframe');
    await frame.getByText(TITLE).first().waitFor();
    await shot(host, 'embed-1280');
  }, 120_000);

  it('the coding screen fits 390 and 320 px without scrolling sideways or breaking a word', async () => {
    const page = await site.newPage({ bypassCSP: true });
    await page.goto(coderLinks[0]!);
    await pageReady(page);
    await page
      .getByRole('button', { name: `Ändra ${PARTIES[0]!.short}` })
      .first()
      .click();
    await page.getByText('Cell 1 av 18').waitFor();
    await shot(page, 'coding-390');
    expect(await measure(page, SWEEP ? [390, 360, 320] : [390, 320])).toEqual([]);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
  }, 60_000);

  it('is in English at /en/redaktion', async () => {
    const page = await site.newPage({ locale: 'en-GB' });
    await page.goto(`${site.origin}/en/redaktion`);
    await pageReady(page);
    await page.getByRole('heading', { level: 1, name: 'The newsroom' }).waitFor();
    await page.getByRole('button', { name: 'Create workspace' }).waitFor();
  }, 60_000);
});
