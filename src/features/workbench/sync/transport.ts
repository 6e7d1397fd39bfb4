/** The queue's transport over the workbench client: each item's route, each answer as the queue reads it. */
import type {
  CodingBody,
  DecisionBody,
  MetaBody,
  PartyBody,
  ProgrammeBody,
  StatementBody,
} from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient, WorkbenchOutcome } from '../api/client.ts';
import { parseItem } from './items.ts';
import type { Edit, SendResult, Transport } from './queue.ts';

function resultOf(outcome: WorkbenchOutcome<unknown>): SendResult {
  if (outcome.ok) return { kind: 'ok', version: outcome.version, answer: outcome.body };
  switch (outcome.kind) {
    case 'conflict':
      return {
        kind: 'conflict',
        storedVersion: outcome.storedVersion,
        stored: outcome.stored,
        message: outcome.message,
      };
    case 'refused':
      // A fault of the service itself may pass: the edit waits and is tried again.
      return outcome.status >= 500
        ? { kind: 'network' }
        : { kind: 'refused', message: outcome.message };
    default:
      return { kind: 'network' };
  }
}

export function workbenchTransport(client: WorkbenchClient, access: WorkbenchAccess): Transport {
  const send = (edit: Edit): Promise<WorkbenchOutcome<unknown>> | null => {
    const ref = parseItem(edit.item);
    if (ref === null) return null;
    const { base, body } = edit;
    if (edit.op === 'delete') {
      if (base === null) return null;
      if (ref.kind === 'party') return client.deleteParty(access, ref.id, base);
      if (ref.kind === 'statement') return client.deleteStatement(access, ref.id, base);
      return null;
    }
    switch (ref.kind) {
      case 'meta':
        return client.putMeta(access, body as MetaBody, base);
      case 'party':
        return client.putParty(access, ref.id, body as PartyBody, base);
      case 'programme':
        return client.putProgramme(access, ref.id, body as ProgrammeBody, base);
      case 'statement':
        return client.putStatement(access, ref.id, body as StatementBody, base);
      case 'coding':
        return client.putCoding(access, ref.statement, ref.party, body as CodingBody, base);
      case 'decision':
        return client.putDecision(access, ref.statement, ref.party, body as DecisionBody, base);
    }
  };
  return {
    send: async (edit) => {
      const pending = send(edit);
      // An item this app never writes (a stored queue from elsewhere): refused, so the user sees it.
      return pending ? resultOf(await pending) : { kind: 'refused', message: edit.item };
    },
  };
}

/** Timers of the browser, for the queue. */
export const browserTimer = {
  after: (ms: number, run: () => void) => {
    const id = setTimeout(run, ms);
    return () => clearTimeout(id);
  },
};
