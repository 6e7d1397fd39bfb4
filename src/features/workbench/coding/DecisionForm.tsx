import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodingJson, DecisionBody } from '../../../domain/workbench/api.ts';
import { RadioGroup } from './CodingFields.tsx';
import { EMPTY_OWN, type OfferedQuote, OwnCoding, type OwnValue } from './OwnCoding.tsx';
import type { SaveState } from './save-state.ts';
import { SaveStatus } from './SaveStatus.tsx';

type Choice = 'a' | 'b' | 'own';
type Problem = 'decision.choiceRequired' | 'save.positionRequired' | 'decision.reasonRequired';

interface DecisionFormProps {
  readonly a: CodingJson;
  readonly b: CodingJson;
  readonly labels: readonly [string, string];
  readonly saveState: SaveState;
  readonly onDecide: (body: DecisionBody) => void;
}

/** A coder's coding taken over whole: its quote only while it is still in the programme. */
const taken = (c: CodingJson, reason: string): DecisionBody => ({
  position: c.position,
  kind: c.kind,
  ...(c.kind === 'stated' ? { confidence: c.confidence } : {}),
  quotes: c.quote && !c.quoteLost ? [c.quote] : [],
  note: c.note,
  reason,
});

/** The two coders' quotes still in the programme, each once. */
function offeredQuotes(a: CodingJson, b: CodingJson, labels: readonly [string, string]) {
  const out: OfferedQuote[] = [];
  [a, b].forEach((c, i) => {
    if (!c.quote || c.quoteLost || c.quoteText === null) return;
    if (out.some((q) => q.start === c.quote!.start && q.end === c.quote!.end)) return;
    out.push({ ...c.quote, text: c.quoteText, from: labels[i]! });
  });
  return out;
}

/**
 * The editor's decision on a disagreement: take A's coding, B's, or an own one (quotes chosen
 * from the two), always with a reason, which goes into the decisions log.
 */
export function DecisionForm({ a, b, labels, saveState, onDecide }: DecisionFormProps) {
  const { t } = useTranslation('workbenchCoding');
  const id = useId();
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const [choice, setChoice] = useState<Choice | null>(null);
  const [own, setOwn] = useState<OwnValue>(EMPTY_OWN);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const offered = offeredQuotes(a, b, labels);

  const ownBody = (why: string): DecisionBody | null => {
    const { kind, position } = own;
    if (kind === null || (kind !== 'silent' && position === null)) return null;
    const silent = kind === 'silent';
    return {
      position: silent ? null : position,
      kind,
      ...(kind === 'stated' ? { confidence: own.confidence } : {}),
      quotes: silent
        ? []
        : own.quotes.map((i) => ({ start: offered[i]!.start, end: offered[i]!.end })),
      note: own.note.trim(),
      reason: why,
    };
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const why = reason.trim();
    if (choice === null) return setProblem('decision.choiceRequired');
    const body = choice === 'own' ? ownBody(why) : taken(choice === 'a' ? a : b, why);
    if (body === null) return setProblem('save.positionRequired');
    if (why === '') {
      setProblem('decision.reasonRequired');
      reasonRef.current?.focus();
      return;
    }
    setProblem(null);
    onDecide(body);
  };

  const choices = [
    { value: 'a' as const, label: t('decision.takeA', { label: labels[0] }) },
    { value: 'b' as const, label: t('decision.takeB', { label: labels[1] }) },
    { value: 'own' as const, label: t('decision.own') },
  ];
  const reasonMissing = problem === 'decision.reasonRequired';
  return (
    <form className="decision-form" onSubmit={submit} noValidate>
      <RadioGroup
        legend={t('decision.legend')}
        choices={choices}
        value={choice}
        onChange={setChoice}
      />
      {choice === 'own' && <OwnCoding value={own} offered={offered} onChange={setOwn} />}
      <label htmlFor={`${id}-reason`}>{t('decision.reason')}</label>
      <textarea
        ref={reasonRef}
        id={`${id}-reason`}
        rows={2}
        required
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={reasonMissing || undefined}
        aria-describedby={reasonMissing ? `${id}-problem` : undefined}
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="coding-refused">
          {t(problem)}
        </p>
      )}
      <button type="submit" disabled={saveState === 'saving'}>
        {t('decision.save')}
      </button>
      <SaveStatus state={saveState} />
    </form>
  );
}
