import { useState } from 'react';
import type { StatementBody } from '../../../domain/workbench/api.ts';
import type { DraftIssue } from '../../../domain/workbench/draft.ts';
import { itemKey } from '../sync/items.ts';
import { useWt } from '../ui/use-wt.ts';
import { orderedStatements } from './draft-of-view.ts';
import { ItemPicker } from './ItemPicker.tsx';
import type { LocalWorkspace } from './local-model.ts';
import { StatementForm } from './StatementForm.tsx';

/** Step 3: the statements, in the quiz's order, each with its form. */
export function StatementsStep({
  local,
  issues,
  chosen: initial,
  onSave,
  onRemove,
}: {
  local: LocalWorkspace;
  issues: readonly DraftIssue[];
  chosen: string | null;
  onSave: (item: string, body: unknown) => void;
  onRemove: (item: string) => void;
}) {
  const { t } = useWt();
  const [picked, setPicked] = useState<string | null>(initial);
  const statements = orderedStatements(local);
  const chosen = statements.find((s) => s.id === (picked ?? initial)) ?? statements[0];
  const add = (id: string) => {
    const order = Math.max(0, ...statements.map((s) => s.value.order)) + 1;
    const body: StatementBody = {
      theme: local.meta?.themes[0]?.id ?? '',
      direction: 'more',
      text: { sv: '' },
      explainer: { sv: '' },
      terms: [],
      order,
    };
    onSave(itemKey.statement(id), body);
    setPicked(id);
  };
  return (
    <>
      <ItemPicker
        heading={t('statement.heading')}
        items={statements.map((s) => ({ id: s.id, label: `${s.id}: ${s.value.text.sv}` }))}
        chosen={chosen?.id ?? null}
        onChoose={setPicked}
        addLabel={t('statement.add')}
        onAdd={add}
      />
      {chosen && (
        <section className="wb-item" aria-labelledby="wb-statement-heading">
          <h3 id="wb-statement-heading">{chosen.id}</h3>
          <StatementForm
            key={chosen.id}
            id={chosen.id}
            statement={chosen.value}
            meta={local.meta}
            issues={issues}
            onSave={(body) => onSave(itemKey.statement(chosen.id), body)}
          />
          <p>
            <button type="button" onClick={() => onRemove(itemKey.statement(chosen.id))}>
              {t('statement.remove', { id: chosen.id })}
            </button>
          </p>
        </section>
      )}
    </>
  );
}
