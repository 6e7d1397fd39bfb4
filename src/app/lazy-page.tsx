import { type ComponentType, type ReactNode, use } from 'react';
import { tracked } from '../config/thenables.ts';
import type { PageModule } from './pages.ts';

/** A page component loaded when first needed, and `load`, which fetches it ahead of that. */
export type LazyPage<P extends object> = ((props: P) => ReactNode) & {
  load: () => Promise<unknown>;
};

/**
 * The component `name` of the module `load` imports, loaded when first rendered (suspending
 * until then, like `React.lazy`) or ahead of that with `load()`. Once loaded it renders at once:
 * the app loads a prerendered page's component before it hydrates the page (main.tsx), so the
 * page is taken over without waiting for it.
 */
export function lazyPage<K extends string, P extends object = object>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  name: K,
): LazyPage<P> {
  let component: Promise<ComponentType<P>> | undefined;
  const loadComponent = () => (component ??= tracked(load().then((module) => module[name])));
  function Page(props: P) {
    const Component = use(loadComponent());
    return <Component {...props} />;
  }
  Page.displayName = name;
  return Object.assign(Page, { load: loadComponent });
}

/** The page of a module in the page table (pages.ts), loaded when first rendered. */
export const lazyPageOf = (module: PageModule): LazyPage<Record<string, unknown>> =>
  lazyPage(
    module.load as () => Promise<Record<string, ComponentType<Record<string, unknown>>>>,
    module.name,
  );
