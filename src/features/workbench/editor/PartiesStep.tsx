import { useState } from 'react';
import type { PartyBody } from '../../../domain/workbench/api.ts';
import type { DraftIssue } from '../../../domain/workbench/draft.ts';
import { itemKey } from '../sync/items.ts';
import { useWt } from '../ui/use-wt.ts';
import { ItemPicker } from './ItemPicker.tsx';
import type { LocalWorkspace } from './local-model.ts';
import { PartyForm } from './PartyForm.tsx';
import { ProgrammeEditor } from './ProgrammeEditor.tsx';

const NEW_PARTY: PartyBody = { name: '', short: '', colour: '#0b5cad', source: { url: '' } };

/** Step 2: the parties, each with its fields and its programme. */
export function PartiesStep({
  local,
  issues,
  chosen: initial,
  lost,
  onSave,
  onRemove,
}: {
  local: LocalWorkspace;
  issues: readonly DraftIssue[];
  chosen: string | null;
  /** Quotes the last programme replacement lost, by party. */
  lost: Readonly<Record<string, number>>;
  onSave: (item: string, body: unknown) => void;
  onRemove: (item: string) => void;
}) {
  const { t } = useWt();
  const [picked, setPicked] = useState<string | null>(initial);
  const chosen = local.parties.find((p) => p.id === (picked ?? initial)) ?? local.parties[0];
  return (
    <>
      <ItemPicker
        heading={t('party.heading')}
        items={local.parties.map((p) => ({ id: p.id, label: p.value.name }))}
        chosen={chosen?.id ?? null}
        onChoose={setPicked}
        addLabel={t('party.add')}
        onAdd={(id) => {
          onSave(itemKey.party(id), NEW_PARTY);
          setPicked(id);
        }}
      />
      {chosen && (
        <section className="wb-item" aria-labelledby="wb-party-heading">
          <h3 id="wb-party-heading">{chosen.value.name || chosen.id}</h3>
          <PartyForm
            id={chosen.id}
            party={chosen.value}
            issues={issues}
            onSave={(body) => onSave(itemKey.party(chosen.id), body)}
          />
          <ProgrammeEditor
            key={chosen.id}
            party={chosen.id}
            programme={local.programmes[chosen.id]}
            onSave={(body) => onSave(itemKey.programme(chosen.id), body)}
          />
          {(lost[chosen.id] ?? 0) > 0 && (
            <p role="status" className="wb-warning">
              {t('programme.lost', { count: lost[chosen.id] })}
            </p>
          )}
          <p>
            <button type="button" onClick={() => onRemove(itemKey.party(chosen.id))}>
              {t('party.remove', { name: chosen.value.name || chosen.id })}
            </button>
          </p>
        </section>
      )}
    </>
  );
}
