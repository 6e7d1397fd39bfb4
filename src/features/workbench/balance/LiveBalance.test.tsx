// @vitest-environment jsdom
// The workbench's string namespaces are added when its code loads; a test renders parts alone.
import '../strings.ts';
import { act, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { NamespaceGate } from '../../../components/NamespaceGate.tsx';
import type { Compass } from '../../../domain/bank/types.ts';
import { demoCompass, renderPage } from '../../../test/render-app.tsx';
import { type BalanceRequest, handleBalanceMessage } from './balance-message.ts';
import type { BalanceWorker } from './balance-scheduler.ts';
import { LiveBalance } from './LiveBalance.tsx';

/** The worker's answer comes after a computation: on a busy machine that can take a while. */
const PATIENT = { timeout: 5000 };

/** Answers as the real worker does, after the current task. */
class AsyncWorker implements BalanceWorker {
  onmessage: BalanceWorker['onmessage'] = null;
  onerror: BalanceWorker['onerror'] = null;
  postMessage(message: BalanceRequest) {
    setTimeout(() => {
      this.onmessage?.({ data: handleBalanceMessage(message) } as MessageEvent<unknown>);
    });
  }
  terminate() {}
}

const options = { delay: 0, voters: 10, createWorker: () => new AsyncWorker() };

describe('LiveBalance', () => {
  it('shows the figures of the draft and says "Uppdaterad", again after an edit', async () => {
    let view: ReturnType<typeof renderPage> | undefined;
    const page = (compass: Compass) => (
      <NamespaceGate namespace="workbenchBalance">
        <LiveBalance compass={compass} options={options} />
      </NamespaceGate>
    );
    await act(async () => {
      view = renderPage(page(demoCompass));
    });
    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent('Uppdaterad'),
      PATIENT,
    );
    const caption =
      'Partiernas täckning: hur många påståenden programmet tar ställning till, uttryckligen eller underförstått';
    expect(screen.getByRole('table', { name: caption })).toBeInTheDocument();
    expect(screen.queryByText(/är inte kodade än/)).toBeNull();

    // An edit: the first statement not coded for any party yet.
    const [first, ...rest] = demoCompass.statements;
    const edited: Compass = { ...demoCompass, statements: [{ ...first!, stances: {} }, ...rest] };
    view!.rerender(page(edited));
    expect(screen.getByRole('status')).toHaveTextContent(/^$/);
    await waitFor(
      () => expect(screen.getByRole('status')).toHaveTextContent('Uppdaterad'),
      PATIENT,
    );
    expect(screen.getByText(/är inte kodade än/)).toBeInTheDocument();
  });
});
