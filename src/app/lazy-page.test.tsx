// @vitest-environment jsdom
import { act, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { lazyPage } from './lazy-page.tsx';

const greeting = ({ name }: { name: string }) => <h1>Hej {name}</h1>;

describe('lazyPage', () => {
  it('renders at once, without its fallback, once loaded ahead', async () => {
    const Page = lazyPage(async () => ({ Greeting: greeting }), 'Greeting');
    await Page.load();
    render(
      <Suspense fallback={<p>Laddar</p>}>
        <Page name="Ada" />
      </Suspense>,
    );
    expect(screen.getByRole('heading', { name: 'Hej Ada' })).toBeInTheDocument();
    expect(screen.queryByText('Laddar')).not.toBeInTheDocument();
  });

  it('suspends until loaded when rendered first, and loads the module once', async () => {
    let loads = 0;
    const Page = lazyPage(async () => {
      loads += 1;
      return { Greeting: greeting };
    }, 'Greeting');
    await act(async () => {
      render(
        <Suspense fallback={<p>Laddar</p>}>
          <Page name="Bo" />
        </Suspense>,
      );
    });
    expect(await screen.findByRole('heading', { name: 'Hej Bo' })).toBeInTheDocument();
    await Page.load();
    expect(loads).toBe(1);
  });
});
