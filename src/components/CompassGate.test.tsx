// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { CompassLoad } from '../data/load-compass.ts';
import { createI18n } from '../i18n/i18n.ts';
import sv from '../i18n/locales/sv.json';
import { demoCompass } from '../test/render-app.tsx';
import { CompassGate } from './CompassGate.tsx';

const show = (load: CompassLoad | undefined) =>
  render(
    <I18nextProvider i18n={createI18n()}>
      <CompassGate load={load}>{(compass) => <h1>{compass.id}</h1>}</CompassGate>
    </I18nextProvider>,
  );

describe('CompassGate', () => {
  it('says it is loading while there is no result yet', () => {
    show(undefined);
    expect(screen.getByRole('status')).toHaveTextContent(sv.app.loading);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('shows the content once the compass is valid', () => {
    show({ status: 'ok', compass: demoCompass });
    expect(screen.getByRole('heading', { name: demoCompass.id })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it.each([
    ['network', { status: 'network' }, sv.app.loadFailed],
    ['unreadable', { status: 'unreadable' }, sv.app.unreadableData],
    ['invalid', { status: 'invalid', issues: [] }, sv.app.invalidData],
  ] as const)('explains "%s" in its own words, never showing the content', (_, load, message) => {
    show(load);
    expect(screen.getByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByRole('heading')).not.toBeInTheDocument();
  });

  it('has a different message for each failure', () => {
    const messages = [sv.app.loadFailed, sv.app.unreadableData, sv.app.invalidData];
    expect(new Set(messages).size).toBe(messages.length);
  });
});
