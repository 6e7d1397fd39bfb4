import { Suspense, useState } from 'react';
import { NamespaceGate } from '../../../components/NamespaceGate.tsx';
import type { WorkspaceView } from '../../../domain/workbench/api.ts';
import type { WorkbenchAccess, WorkbenchClient } from '../api/client.ts';
import { CodingList } from '../coding/CodingList.tsx';
import { CodingView } from '../coding/CodingView.tsx';
import { itemKey } from '../sync/items.ts';
import { useWt } from '../ui/use-wt.ts';
import { ConflictPanel } from './ConflictPanel.tsx';
import { orderedStatements } from './draft-of-view.ts';
import { SyncStatus } from './SyncStatus.tsx';
import { useEditor } from './use-editor.ts';

type Cell = { readonly statement: string; readonly party: string };

/**
 * A coder's screen: every cell (statement × party) with its state and the coder's progress
 * (CodingList), and one cell at a time to code (CodingView), both of
 * src/features/workbench/coding. Codings are saved through the same queue as the editor's edits.
 */
export function CoderScreen({
  access,
  view,
  client,
}: {
  access: WorkbenchAccess;
  view: WorkspaceView;
  client: WorkbenchClient;
}) {
  const { t } = useWt();
  const editor = useEditor(access, view, client);
  const { local, status } = editor;
  const [cell, setCell] = useState<Cell | null>(null);
  const statements = orderedStatements(local).map(({ id, value }) => ({ id, ...value }));
  const parties = local.parties.map(({ id, value }) => ({ id, ...value }));
  const cells = statements.flatMap((s) => parties.map((p) => ({ statement: s.id, party: p.id })));
  const index = cell
    ? cells.findIndex((c) => c.statement === cell.statement && c.party === cell.party)
    : -1;
  const statement = statements.find((s) => s.id === cell?.statement);
  const party = parties.find((p) => p.id === cell?.party);
  const programme = view.programmes.find((p) => p.party === cell?.party)?.value ?? null;
  const item = cell ? itemKey.coding(cell.statement, cell.party) : '';
  const previous = cells[index - 1];
  const next = cells[index + 1];
  return (
    <>
      <SyncStatus status={status} onRetry={editor.retry} />
      <ConflictPanel
        blocked={status.blocked}
        onKeepMine={editor.keepMine}
        onTakeTheirs={editor.takeTheirs}
      />
      <Suspense fallback={<p role="status">{t('steps.loading')}</p>}>
        <NamespaceGate namespace="workbenchCoding">
          {cell && statement && party ? (
            <>
              <p>
                <button type="button" className="wb-link" onClick={() => setCell(null)}>
                  {t('coder.back')}
                </button>
              </p>
              <CodingView
                statement={statement}
                party={party}
                programme={programme}
                coding={local.codings[item] ?? null}
                saveState={editor.saveStateOf(item)}
                onSave={(body) => editor.save(item, body)}
                progress={{ index: index + 1, total: cells.length }}
                {...(previous ? { onPrevious: () => setCell(previous) } : {})}
                {...(next ? { onNext: () => setCell(next) } : {})}
              />
            </>
          ) : (
            <CodingList
              statements={statements}
              parties={parties}
              codings={Object.values(local.codings)}
              onOpen={(s, p) => setCell({ statement: s, party: p })}
            />
          )}
        </NamespaceGate>
      </Suspense>
    </>
  );
}
