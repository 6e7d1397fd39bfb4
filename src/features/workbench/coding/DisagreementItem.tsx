import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  AgreementJson,
  DecisionBody,
  DecisionJson,
  DecisionLogEntry,
} from '../../../domain/workbench/api.ts';
import { CodingSide, useKindText } from './CodingSide.tsx';
import { DecisionForm } from './DecisionForm.tsx';
import { scaleKey } from './labels.ts';
import type { SaveState } from './save-state.ts';

interface DisagreementItemProps {
  readonly item: AgreementJson['disagreements'][number];
  readonly statementText: string;
  readonly partyName: string;
  readonly labels: readonly [string, string];
  readonly decision: DecisionJson | undefined;
  /** The newest log entry of this cell, if any. */
  readonly logged: DecisionLogEntry | undefined;
  readonly saveState: SaveState;
  readonly onDecide: (body: DecisionBody) => void;
}

/** One disagreement: the two codings side by side, the decision made if any, and the form to make or change it. */
export function DisagreementItem(props: DisagreementItemProps) {
  const { item, statementText, partyName, labels, decision, logged } = props;
  const { t, i18n } = useTranslation('workbenchCoding');
  const kindText = useKindText();
  const id = useId();
  const when = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(
      new Date(iso),
    );
  return (
    <li className="reconcile-item" aria-labelledby={id}>
      <h4 id={id}>
        {partyName}: <span lang="sv">{statementText}</span>
      </h4>
      <p>{t(item.sameDirection ? 'reconcile.sameDirection' : 'reconcile.otherDirection')}</p>
      <div className="reconcile-sides">
        <CodingSide label={labels[0]} coding={item.a} />
        <CodingSide label={labels[1]} coding={item.b} />
      </div>
      {decision && (
        <>
          <p className="reconcile-decided">
            <strong>
              {t('decision.decided', {
                position: t(scaleKey(decision.position)),
                kind: kindText(decision),
              })}
            </strong>
          </p>
          {logged && (
            <p>
              {t('decision.by', {
                who: t(`decision.role.${logged.role}`),
                when: when(logged.at),
                reason: logged.reason,
              })}
            </p>
          )}
        </>
      )}
      {/* Always here, also once decided: the form stays put (and keeps focus) as the decision arrives. */}
      <DecisionForm
        a={item.a}
        b={item.b}
        labels={labels}
        saveState={props.saveState}
        onDecide={props.onDecide}
      />
    </li>
  );
}
