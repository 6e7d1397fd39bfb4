import './coding.css';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodingJson, PartyBody, StatementBody } from '../../../domain/workbench/api.ts';
import { cellKey, needsQuote } from './labels.ts';

export type CellState = 'uncoded' | 'coded' | 'quoteMissing';

/** A cell's state for its coder: not coded, coded, or coded but its quote is missing or lost. */
export const cellState = (coding: CodingJson | undefined): CellState =>
  !coding ? 'uncoded' : needsQuote(coding) ? 'quoteMissing' : 'coded';

const ACTION = { uncoded: 'list.code', coded: 'list.edit', quoteMissing: 'list.fix' } as const;

export interface CodingListProps {
  readonly statements: readonly (StatementBody & { readonly id: string })[];
  readonly parties: readonly (PartyBody & { readonly id: string })[];
  /** The coder's own codings. */
  readonly codings: readonly CodingJson[];
  readonly onOpen: (statement: string, party: string) => void;
}

/**
 * The coder's overview: every statement (in the quiz's order) with each party's cell, its state
 * and a button to code it. A list, not a table, so it reads on a phone.
 */
export function CodingList({ statements, parties, codings, onOpen }: CodingListProps) {
  const { t } = useTranslation('workbenchCoding');
  const id = useId();
  const byCell = new Map(codings.map((c) => [cellKey(c.statement, c.party), c]));
  const ordered = [...statements].sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const total = statements.length * parties.length;
  const coded = ordered.reduce(
    (n, s) => n + parties.filter((p) => byCell.has(cellKey(s.id, p.id))).length,
    0,
  );
  return (
    <section className="coding-list" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('list.heading')}</h2>
      <p>{t('list.summary', { coded, total })}</p>
      <ol>
        {ordered.map((statement, i) => (
          <li key={statement.id}>
            <h3 id={`${id}-${i}`} lang="sv">
              {statement.text.sv}
            </h3>
            <ul className="coding-list-cells">
              {parties.map((party) => {
                const state = cellState(byCell.get(cellKey(statement.id, party.id)));
                return (
                  <li key={party.id}>
                    <span>{party.name}:</span>
                    <span className="coding-state">{t(`list.state.${state}`)}</span>
                    <button
                      type="button"
                      aria-describedby={`${id}-${i}`}
                      onClick={() => onOpen(statement.id, party.id)}
                    >
                      {t(ACTION[state], { party: party.short })}
                    </button>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
