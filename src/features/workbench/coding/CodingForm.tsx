import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  CodingBody,
  CodingJson,
  CodingKind,
  Explicitness,
  Position,
} from '../../../domain/workbench/api.ts';
import type { QuoteRange } from '../../../domain/workbench/quotes.ts';
import { ExplicitnessField, KindField, ScaleField } from './CodingFields.tsx';
import type { SaveState } from './save-state.ts';
import { SaveStatus } from './SaveStatus.tsx';

interface CodingFormProps {
  readonly coding: CodingJson | null;
  readonly quote: QuoteRange | null;
  /** False when the party has no programme text: only silence can be coded. */
  readonly quotable: boolean;
  readonly saveState: SaveState;
  readonly onSave: (body: CodingBody) => void;
}

type Problem = 'save.positionRequired' | 'quote.required';

/**
 * The coder's judgement of a cell: how the position is known, the position, for a stated one how
 * directly the quote hits, and a note. Silence carries no position and no quote.
 */
export function CodingForm({ coding, quote, quotable, saveState, onSave }: CodingFormProps) {
  const { t } = useTranslation('workbenchCoding');
  const id = useId();
  const [kind, setKind] = useState<CodingKind | null>(coding?.kind ?? (quotable ? null : 'silent'));
  const [position, setPosition] = useState<Position | null>(coding?.position ?? null);
  const [confidence, setConfidence] = useState<Explicitness>(coding?.confidence ?? 'explicit');
  const [note, setNote] = useState(coding?.note ?? '');
  const [problem, setProblem] = useState<Problem | null>(null);
  const silent = kind === 'silent';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kind === null || (!silent && position === null)) return setProblem('save.positionRequired');
    if (!silent && quote === null) return setProblem('quote.required');
    setProblem(null);
    const base = { kind, note: note.trim() };
    onSave(
      silent
        ? { ...base, position: null, quote: null }
        : {
            ...base,
            position,
            quote: { start: quote!.start, end: quote!.end },
            ...(kind === 'stated' ? { confidence } : {}),
          },
    );
  };

  return (
    <form className="coding-form" onSubmit={submit} noValidate>
      <KindField
        value={kind}
        onChange={(k) => {
          setKind(k);
          setProblem(null);
        }}
        disabled={!quotable}
      />
      <ScaleField value={silent ? null : position} onChange={setPosition} disabled={silent} />
      {kind === 'stated' && <ExplicitnessField value={confidence} onChange={setConfidence} />}
      <label htmlFor={`${id}-note`}>{t('note.label')}</label>
      <p id={`${id}-note-hint`} className="coding-hint">
        {t('note.hint')}
      </p>
      <textarea
        id={`${id}-note`}
        value={note}
        rows={3}
        onChange={(e) => setNote(e.target.value)}
        aria-describedby={`${id}-note-hint`}
      />
      {problem && (
        <p role="alert" className="coding-refused">
          {t(problem)}
        </p>
      )}
      <button type="submit" disabled={saveState === 'saving'}>
        {t('save.button')}
      </button>
      <SaveStatus state={saveState} />
    </form>
  );
}
