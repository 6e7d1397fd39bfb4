import './coding.css';
import { useTranslation } from 'react-i18next';
import type {
  AgreementJson,
  DecisionBody,
  DecisionJson,
  DecisionLogEntry,
  PartyBody,
  StatementBody,
} from '../../../domain/workbench/api.ts';
import { AgreementFigures } from './AgreementFigures.tsx';
import { DisagreementItem } from './DisagreementItem.tsx';
import { cellKey } from './labels.ts';
import type { SaveState } from './save-state.ts';

export interface ReconcileViewProps {
  readonly agreement: AgreementJson;
  readonly statements: readonly (StatementBody & { readonly id: string })[];
  readonly parties: readonly (PartyBody & { readonly id: string })[];
  readonly decisions: readonly DecisionJson[];
  /** The decisions log, newest first. */
  readonly log: readonly DecisionLogEntry[];
  readonly onDecide: (statement: string, party: string, body: DecisionBody) => void;
  /** Where the save of a cell's decision stands; idle when absent. */
  readonly stateOf?: (statement: string, party: string) => SaveState;
  /** False where the page already has the heading (the editor's step). */
  readonly titled?: boolean;
}

/**
 * The editor's reconciliation: how well the two coders agreed (percent and Cohen's κ, for
 * direction and exact position), then every disagreement side by side with a decision to make,
 * or the one made, by whom and when.
 */
export function ReconcileView(props: ReconcileViewProps) {
  const { agreement, statements, parties, decisions, log, onDecide, stateOf } = props;
  const titled = props.titled ?? true;
  const { t } = useTranslation('workbenchCoding');
  const labels = [agreement.coders[0].label, agreement.coders[1].label] as const;
  const decided = new Map(decisions.map((d) => [cellKey(d.statement, d.party), d]));
  const newest = new Map<string, DecisionLogEntry>();
  for (const entry of log) {
    const key = cellKey(entry.statement, entry.party);
    if (!newest.has(key)) newest.set(key, entry);
  }
  const textOf = (id: string) => statements.find((s) => s.id === id)?.text.sv ?? id;
  const nameOf = (id: string) => parties.find((p) => p.id === id)?.name ?? id;
  const count = agreement.disagreements.length;
  return (
    <section className="reconcile-view" aria-label={titled ? undefined : t('reconcile.heading')}>
      {titled && <h2>{t('reconcile.heading')}</h2>}
      <AgreementFigures agreement={agreement} />
      <h3>{t('reconcile.disagreements', { count })}</h3>
      {count === 0 && <p>{t('reconcile.none')}</p>}
      <ul className="reconcile-list">
        {agreement.disagreements.map((item) => {
          const key = cellKey(item.statement, item.party);
          return (
            <DisagreementItem
              key={key}
              item={item}
              statementText={textOf(item.statement)}
              partyName={nameOf(item.party)}
              labels={labels}
              decision={decided.get(key)}
              logged={newest.get(key)}
              saveState={stateOf?.(item.statement, item.party) ?? 'idle'}
              onDecide={(body) => onDecide(item.statement, item.party, body)}
            />
          );
        })}
      </ul>
    </section>
  );
}
