import { readFileSync } from 'node:fs';
import type { RouteObject } from 'react-router';
import { describe, expect, it } from 'vitest';
import { type SweepContext, sweepScreens } from '../src/app/page-screens.ts';
import { PAGES } from '../src/app/pages.ts';
import { pagesToRender } from '../src/app/prerender.tsx';
import { routes } from '../src/app/routes.tsx';
import { sitePaths } from '../src/config/paths.ts';
import { loadValidBank } from '../src/tools/load-bank.ts';

/**
 * The page table (src/app/pages.ts) is the one list of the app's pages: the router is built from
 * it, the build prerenders what it says, and both test tiers open the screens it lists. These
 * tests fail when a route is added beside it, or a page is in neither tier.
 */

const compass = loadValidBank('questions/socialpolitik');
const rounds = {
  open: { code: 'ABCD12345', teacherKey: 'k1' },
  closed: { code: 'EFGH12345', teacherKey: 'k2' },
  withheld: { code: 'JKLM12345', teacherKey: 'k3' },
};
const context: SweepContext = { at: sitePaths('', compass.id), compass, rounds };

/** The route paths under a route ('index' for an index route). */
const childPaths = (route: RouteObject | undefined): string[] =>
  (route?.children ?? []).map((child) => (child.index ? 'index' : child.path!));

describe('the page table', () => {
  const swedish = routes.find((route) => route.path === '/')!;
  const compassLayout = swedish.children!.find((route) => route.path === ':compass');

  it("is the router's every compass page, and nothing else is", () => {
    const listed = PAGES.flatMap((page) => (page.route.in === 'compass' ? [page.route.path] : []));
    expect(childPaths(compassLayout).sort()).toEqual([...listed].sort());
  });

  it("is the router's every page at a reading's root, beside the compasses' layout", () => {
    const listed = PAGES.flatMap((page) => (page.route.in === 'site' ? [page.route.path] : []));
    const routed = childPaths(swedish).filter((path) => path !== ':compass');
    expect(routed.sort()).toEqual([...listed].sort());
  });

  it('builds the same routes in every reading', () => {
    for (const reading of routes) {
      const layout = reading.children!.find((route) => route.path === ':compass');
      expect(childPaths(layout)).toEqual(childPaths(compassLayout));
    }
  });

  it('names each page once, and each page module once', () => {
    const names = PAGES.map((page) => page.name);
    expect(new Set(names).size).toBe(names.length);
    const modules = PAGES.flatMap((page) => (page.module ? [page.module.name] : []));
    expect(new Set(modules).size).toBe(modules.length);
  });

  it('gives every page a screen in npm test (its template) and all of them in the sweep', () => {
    const quick = sweepScreens(context, 'templates');
    const all = sweepScreens(context, 'all');
    const inNeither = PAGES.filter((page) => !quick.some((screen) => screen.page === page.name));
    expect(inNeither.map((page) => page.name)).toEqual([]);
    expect(
      quick.every((screen) => all.includes(screen) || all.some((s) => s.name === screen.name)),
    ).toBe(true);
    // The sweep opens every statement and every party's pages; npm test one of each.
    expect(all.filter((screen) => screen.page === 'quiz').length).toBe(
      compass.statements.length + 1,
    );
    expect(quick.filter((screen) => screen.page === 'party').length).toBe(1);
    const names = all.map((screen) => screen.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('leaves out the classroom pages that need rounds where the site has no service', () => {
    const without = sweepScreens({ ...context, rounds: undefined }, 'all').map((s) => s.page);
    expect(without).not.toContain("teacher's round");
    expect(without).not.toContain('join a class round');
    expect(without).toContain('quiz');
  });

  it('prerenders what it says, in every reading, with the module each page preloads', () => {
    const files = new Map([[compass.id, { compass, programmes: {}, method: {} }]]);
    const pages = pagesToRender(files);
    const swedishPaths = pages.filter((page) => page.reading === 'sv');
    const at = sitePaths('', compass.id);
    expect(swedishPaths.map((page) => page.path).sort()).toEqual(
      [
        '/',
        at.home,
        ...compass.statements.map((_, i) => at.statement(i + 1)),
        at.statements,
        at.method,
        at.about,
        ...compass.parties.map((party) => at.programme(party.id)),
        at.teachers,
        at.printable('arbetsblad'),
        at.printable('ordlista'),
        at.printable('citatkort'),
        at.printable('metodovning'),
      ].sort(),
    );
    expect(swedishPaths.find((page) => page.path === at.statement(1))?.module).toBe('QuizPage');
    expect(swedishPaths.find((page) => page.path === at.home)?.module).toBeNull();
    expect(new Set(pages.map((page) => page.reading)).size).toBe(routes.length);
  });

  it('is what both sweeps open: the word-break sweep and the accessibility sweep', () => {
    for (const file of ['tests/e2e/word-breaks.e2e.ts', 'tests/e2e/app.e2e.ts'])
      expect(readFileSync(file, 'utf8'), file).toContain('sweepScreens(');
  });
});
