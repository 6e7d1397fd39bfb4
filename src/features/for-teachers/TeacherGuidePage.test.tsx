// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../config/languages.ts';
import type { Compass } from '../../domain/bank/types.ts';
import en from '../../i18n/locales/lessons/en.json';
import sv from '../../i18n/locales/lessons/sv.json';
import { demoCompass, renderLazyPage } from '../../test/render-app.tsx';
import { loadValidBank } from '../../tools/load-bank.ts';
import { LESSON_PLANS, planMinutes } from './lesson-plans.ts';
import { TeacherGuidePage } from './TeacherGuidePage.tsx';

/** The classroom service's health check, answered as told: present, or a static site (404). */
function fakeService(present: boolean) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => {
      await Promise.resolve();
      return present
        ? new Response(JSON.stringify({ status: 'ok' }), {
            status: 200,
            headers: { 'Content-Type': 'application/json' },
          })
        : new Response('not found', { status: 404 });
    }),
  );
}
afterEach(() => vi.unstubAllGlobals());

/** /larare in the app's frame; in an awaited act, so the lazily loaded strings arrive. */
async function renderGuide({
  compass = demoCompass,
  language = 'sv',
  service = true,
}: { compass?: Compass; language?: Language; service?: boolean } = {}) {
  fakeService(service);
  await renderLazyPage(<TeacherGuidePage />, {
    path: '/larare',
    route: '/larare',
    compass,
    language,
  });
}

const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name]));
const section = (name: string) => screen.getByRole('region', { name });
const hrefs = (container: HTMLElement) =>
  within(container)
    .getAllByRole('link')
    .map((a) => a.getAttribute('href'));

describe('/larare in Swedish', () => {
  it('has one h1, headings in order and a table of contents that reaches every section', async () => {
    await renderGuide();
    expect(screen.getAllByRole('heading', { level: 1 }).map((h) => h.textContent)).toEqual([
      'För lärare',
    ]);
    const levels = [...document.querySelectorAll('main h1, main h2, main h3, main h4')].map((h) =>
      Number(h.tagName[1]),
    );
    for (let i = 1; i < levels.length; i++)
      expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
    const toc = screen.getByRole('navigation', { name: sv.tocLabel });
    const links = within(toc).getAllByRole('link');
    expect(links).toHaveLength(6 + LESSON_PLANS.length);
    for (const link of links) {
      const target = document.getElementById(link.getAttribute('href')!.slice(1));
      expect(target?.tagName, link.textContent ?? '').toMatch(/^H[23]$/);
      expect(target?.textContent).toBe(link.textContent);
    }
  });

  it('says what the compass is, from the compass: parties, municipalities, statements', async () => {
    await renderGuide();
    const about = section(sv.about.title);
    for (const party of demoCompass.parties)
      expect(
        within(about).getByRole('link', {
          name: `${party.name} (${party.short}), ${party.municipality}`,
        }),
      ).toHaveAttribute('href', `/program/${party.id}`);
    expect(about).toHaveTextContent('”Demokompass” bygger på 2 partiprogram');
    expect(about).toHaveTextContent('Kompassen har 4 påståenden.');
    // Alfapartiet takes a stand on 2 of the 4 statements, Betapartiet on 3.
    expect(about).toHaveTextContent('Programmen tar ställning i mellan 2 och 3 av de 4');
    expect(within(about).getByRole('link', { name: sv.about.methodLink })).toHaveAttribute(
      'href',
      '/metod',
    );
  });

  it('has four lesson plans whose minutes add up to the total shown, 45–60', async () => {
    await renderGuide();
    const plans = section(sv.plans.title);
    for (const plan of LESSON_PLANS) {
      const article = within(plans).getByRole('article', { name: sv.plan[plan.id].title });
      const steps = within(article)
        .getAllByRole('listitem')
        .filter((li) => li.closest('ol'));
      const minutes = steps.map((li) => Number(/^(\d+)\u00a0min/.exec(li.textContent ?? '')?.[1]));
      const sum = minutes.reduce((a, b) => a + b, 0);
      expect(sum).toBe(planMinutes(plan));
      expect(sum).toBeGreaterThanOrEqual(45);
      expect(sum).toBeLessThanOrEqual(60);
      expect(article).toHaveTextContent(`Totalt ${sum} minuter`);
    }
    const quotes = within(plans).getByRole('article', { name: sv.plan.quotes.title });
    expect(hrefs(quotes)).toEqual(['/vem-sa-vad', '/larare/utskrift/citatkort']);
    const method = within(plans).getByRole('article', { name: sv.plan.method.title });
    expect(hrefs(method)).toEqual(
      expect.arrayContaining(['/metod', '/larare/utskrift/metodovning', '/resultat']),
    );
  });

  it('explains to pupils how randomized response protects their answers, and lesson 2 starts there', async () => {
    await renderGuide();
    const protect = section(sv.protect.title);
    expect(protect).toHaveTextContent(sv.protect.odds);
    expect(protect).toHaveTextContent(fill(sv.protect.class, { min: 10 }));
    expect(protect).toHaveTextContent(sv.protect.limits);
    const plan = screen.getByRole('article', { name: sv.plan.classroom.title });
    expect(plan).toHaveTextContent(sv.plan.classroom.steps.coin);
    const link = within(plan).getByRole('link', { name: sv.links.protect });
    expect(document.getElementById(link.getAttribute('href')!.slice(1))).toHaveTextContent(
      sv.protect.title,
    );
  });

  it('links the classroom round to /klass where the service exists', async () => {
    await renderGuide({ service: true });
    const round = await screen.findByRole('article', { name: sv.plan.classroom.title });
    expect(await within(round).findByText(sv.plans.present)).toBeVisible();
    expect(within(round).getByRole('link', { name: sv.links.classroom })).toHaveAttribute(
      'href',
      '/klass',
    );
    expect(round).toHaveTextContent(sv.plan.classroom.steps.answer);
    expect(round).toHaveTextContent(fill(sv.plan.classroom.steps.intro, { min: 10 }));
    expect(round).not.toHaveTextContent(sv.plan.classroom.paper.count);
  });

  it('says there is no classroom service and runs the round by hand without it', async () => {
    await renderGuide({ service: false });
    const round = await screen.findByRole('article', { name: sv.plan.classroom.title });
    expect(await within(round).findByText(sv.plans.absent)).toBeVisible();
    expect(hrefs(round)).not.toContain('/klass');
    expect(screen.queryAllByRole('link').map((a) => a.getAttribute('href'))).toContain('/klass'); // the footer's
    expect(round).toHaveTextContent(sv.plan.classroom.paper.answer);
    expect(round).toHaveTextContent(sv.plan.classroom.paper.count);
    expect(round).not.toHaveTextContent(sv.plan.classroom.steps.answer);
    // Same minutes either way.
    expect(round).toHaveTextContent(`Totalt ${planMinutes(LESSON_PLANS[1]!)} minuter`);
  });

  it('generates discussion questions and a party-vs-party comparison from the demo compass', async () => {
    await renderGuide();
    const discussion = section(sv.discussion.title);
    const culture = within(discussion).getByRole('article', { name: 'Kultur' });
    const questions = within(culture)
      .getAllByRole('listitem')
      .filter((li) => li.closest('.discussion-questions'));
    expect(questions.map((li) => li.querySelector('q')?.textContent)).toEqual([
      'Kommunen ska bygga fler bibliotek.',
      'Kulturskolan ska kosta pengar för eleverna.',
    ]);
    expect(questions[0]).toHaveTextContent('1 av 2 program tar ställning.');
    // The arts-school fee: Betapartiet partly for, Alfapartiet fully against, three steps apart.
    expect(culture).toHaveTextContent(
      'Här skiljer sig två program mest åt i det här temat, 3 steg',
    );
    expect(within(culture).getByText('Betapartiet: delvis för')).toBeVisible();
    expect(within(culture).getByText('Alfapartiet: helt emot')).toBeVisible();
    const quotes = culture.querySelectorAll('blockquote');
    expect([...quotes].map((q) => [q.textContent, q.getAttribute('lang')])).toEqual([
      ['Kulturskolan ska finansieras delvis med avgifter.', 'sv'],
      ['Vi säger nej till avgifter i kulturskolan.', 'sv'],
    ]);
    expect(
      within(culture).getByRole('link', { name: 'Läs stycket i programmet från Betapartiet' }),
    ).toHaveAttribute('href', '/program/b#kulturskola-avgift');
    expect(
      within(culture).getByRole('link', { name: 'Läs stycket i programmet från Alfapartiet' }),
    ).toHaveAttribute('href', '/program/a#kulturskola-avgift');
    // Economy: only Betapartiet takes a stand, so no pair — and Alfapartiet is never given a position.
    const economy = within(discussion).getByRole('article', { name: 'Ekonomi' });
    expect(economy).toHaveTextContent(sv.discussion.noComparison);
    expect(economy).not.toHaveTextContent('Alfapartiet');
  });

  it('handles a compass without sensitive themes, and keeps the advice', async () => {
    await renderGuide();
    const sensitive = section(sv.sensitive.title);
    expect(sensitive).toHaveTextContent(sv.sensitive.none);
    expect(sensitive).toHaveTextContent(sv.sensitive.never);
    expect(sensitive).toHaveTextContent('Hoppa över');
    expect(sensitive).toHaveTextContent('skolkuratorn, elevhälsan');
    expect(sensitive).toHaveTextContent(fill(sv.sensitive.private, { min: 10 }));
  });

  it('links every printable, the statements, the method page and the open data', async () => {
    await renderGuide();
    const material = section(sv.material.title);
    expect(hrefs(material)).toEqual([
      '/larare/utskrift/arbetsblad',
      '/larare/utskrift/ordlista',
      '/larare/utskrift/citatkort',
      '/larare/utskrift/metodovning',
      '/pastaenden',
      '/metod',
      '/data/demo.json',
      '/data/demo.csv',
    ]);
    expect(
      within(material).getByRole('link', { name: 'Ordlista' }).closest('li'),
    ).toHaveTextContent(sv.material.ordlistaText);
  });
});

describe('/larare on the real bank', () => {
  const bank = loadValidBank('questions/socialpolitik');

  it('names the five programmes and lists the sensitive statements', async () => {
    await renderGuide({ compass: bank });
    const about = section(sv.about.title);
    for (const [short, municipality] of [
      ['S', 'Knivsta'],
      ['MP', 'Huddinge'],
      ['C', 'Sollentuna'],
      ['V', 'Södertälje'],
      ['L', 'Botkyrka'],
    ])
      expect(about).toHaveTextContent(`(${short}), ${municipality}`);
    const sensitive = section(sv.sensitive.title);
    for (const name of [
      'Våld i nära relationer och hedersförtryck',
      'Missbruk och psykisk ohälsa',
      'Flyktingar och nyanlända',
    ])
      expect(within(sensitive).getByRole('heading', { level: 3, name })).toBeVisible();
    for (const statement of bank.statements.filter((s) =>
      ['vald-heder', 'missbruk-psykisk', 'nyanlanda'].includes(s.theme),
    ))
      expect(within(sensitive).getByText(statement.text.sv)).toBeVisible();
    expect(sensitive).not.toHaveTextContent(sv.sensitive.none);
    // Ten themes, each with its questions; the sensitive ones point to the advice.
    const discussion = section(sv.discussion.title);
    expect(within(discussion).getAllByRole('article')).toHaveLength(bank.themes.length);
    expect(within(discussion).getAllByText(sv.discussion.sensitive)).toHaveLength(3);
  });
});

describe('/larare in English and in Arabic', () => {
  it('is in English, statements in English and quotes in Swedish', async () => {
    await renderGuide({ language: 'en' });
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('For teachers');
    const discussion = section(en.discussion.title);
    expect(discussion).toHaveTextContent('Pupils should pay a fee for the arts school.');
    expect(within(discussion).getByText('Betapartiet: partly for')).toBeVisible();
    expect(discussion.querySelector('blockquote')).toHaveAttribute('lang', 'sv');
    expect(section(en.plans.title)).toHaveTextContent('50 minutes in all');
  });

  it('shows the English text marked lang="en" dir="ltr" when the app is in Arabic', async () => {
    await renderGuide({ language: 'ar' });
    const h1 = screen.getByRole('heading', { level: 1 });
    expect(h1).toHaveTextContent('For teachers');
    const page = h1.closest('.teacher-guide')!;
    expect(page).toHaveAttribute('lang', 'en');
    expect(page).toHaveAttribute('dir', 'ltr');
    expect(page).toHaveTextContent('The municipality should build more libraries.');
    expect(page).toHaveTextContent(en.sensitive.never);
  });
});
