import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { ProgrammePutResult, WorkspaceView } from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient } from '../api/client.ts';
import type { SaveState } from '../coding/save-state.ts';
import { parseItem } from '../sync/items.ts';
import { localQueueStorage } from '../sync/persisted.ts';
import { storedValue, SyncQueue } from '../sync/queue.ts';
import { browserTimer, workbenchTransport } from '../sync/transport.ts';
import { applyEdit, localOf, type LocalWorkspace, overlay, versionsOf } from './local-model.ts';

/** Quiet time after typing before an edit is sent, in ms. */
export const AUTOSAVE_DELAY_MS = 300;

/**
 * The editor's workspace: the service's view with this browser's waiting edits over it, and the
 * queue that saves every edit. `save` and `remove` change the page at once; the queue sends.
 */
export function useEditor(access: WorkbenchAccess, view: WorkspaceView, client: WorkbenchClient) {
  // Quotes a replaced programme lost, by party: said once the service has re-anchored them.
  const [lost, setLost] = useState<Readonly<Record<string, number>>>({});
  const [queue] = useState(() => {
    const made = new SyncQueue(
      workbenchTransport(client, access),
      localQueueStorage(access.workspace),
      browserTimer,
      {
        delayMs: AUTOSAVE_DELAY_MS,
        onAck: (edit, result) => {
          const ref = parseItem(edit.item);
          const answer = result.answer as Partial<ProgrammePutResult> | undefined;
          if (ref?.kind === 'programme' && Array.isArray(answer?.lost)) {
            const count = answer.lost.length;
            setLost((all) => ({ ...all, [ref.id]: count }));
          }
        },
      },
    );
    for (const [item, version] of versionsOf(view)) made.know(item, version);
    return made;
  });
  const [local, setLocal] = useState<LocalWorkspace>(() => overlay(localOf(view), queue.edits()));
  const status = useSyncExternalStore(queue.subscribe, queue.getSnapshot);

  useEffect(() => {
    queue.resume();
    const online = () => queue.retryNow();
    window.addEventListener('online', online);
    return () => {
      window.removeEventListener('online', online);
      queue.dispose();
    };
  }, [queue]);

  const save = useCallback(
    (item: string, body: unknown) => {
      setLocal((l) => applyEdit(l, item, body));
      queue.put(item, body);
    },
    [queue],
  );
  const remove = useCallback(
    (item: string) => {
      setLocal((l) => applyEdit(l, item, null));
      queue.delete(item);
    },
    [queue],
  );
  const keepMine = useCallback((item: string) => queue.keepMine(item), [queue]);
  const takeTheirs = useCallback(
    (item: string) => {
      const block = queue.getSnapshot().blocked.find((b) => b.item === item);
      queue.takeTheirs(item);
      if (block?.kind === 'conflict')
        setLocal((l) => applyEdit(l, item, storedValue(block.stored)));
    },
    [queue],
  );
  /** Where one item's save stands, in the coding components' terms. */
  const saveStateOf = useCallback(
    (item: string): SaveState => {
      const block = status.blocked.find((b) => b.item === item);
      if (block) return { error: block.message };
      if (status.waiting.includes(item)) return 'saving';
      return queue.version(item) === null ? 'idle' : 'saved';
    },
    [status, queue],
  );
  /**
   * The coders' codings as the service has them now (the editor never edits them): read again
   * when the editor opens a step that counts them, since the coders keep coding meanwhile.
   */
  const refreshCoders = useCallback(async () => {
    const outcome = await client.workspace(access);
    if (!outcome.ok || outcome.body.role !== 'editor') return;
    const { codings, coders } = outcome.body;
    setLocal((l) => ({ ...l, coders: { codings, list: coders } }));
  }, [access, client]);

  return {
    local,
    status,
    refreshCoders,
    lost,
    save,
    remove,
    keepMine,
    takeTheirs,
    saveStateOf,
    retry: queue.retryNow,
  };
}

export type Editor = ReturnType<typeof useEditor>;
