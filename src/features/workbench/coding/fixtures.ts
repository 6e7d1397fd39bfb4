import { vi } from 'vitest';
import type {
  AgreementJson,
  CodingBody,
  CodingJson,
  PartyBody,
  ProgrammeInfo,
  StatementBody,
} from '../../../domain/workbench/api.ts';
import type { CodingViewProps } from './CodingView.tsx';

/** A short programme with website furniture around and inside it, as captured from a page. */
export const TEXT = [
  'Dela på Facebook',
  'Vi vill bygga fler familjehem i kommunen. Barn ska alltid ha tak över huvudet.',
  'Bli medlem',
  'Socialtjänsten ska ha tillräckliga resurser för sitt arbete.',
].join('\n');

export const PROGRAMME: ProgrammeInfo = {
  text: TEXT,
  boilerplate: ['Dela på Facebook', 'Bli medlem'],
  sha256: '0'.repeat(64),
};

export const STATEMENT: StatementBody & { id: string } = {
  id: 'fler-familjehem',
  theme: 'barn',
  direction: 'more',
  text: { sv: 'Kommunen ska satsa mer på att hitta fler familjehem.' },
  explainer: { sv: 'Ett familjehem tar emot ett barn som inte kan bo hemma.' },
  terms: [],
  order: 1,
};

export const PARTY: PartyBody & { id: string } = {
  id: 'mp',
  name: 'Miljöpartiet',
  short: 'MP',
  colour: '#53a045',
  source: { url: 'https://example.org/mp' },
};

export const OTHER_PARTY: PartyBody & { id: string } = {
  ...PARTY,
  id: 'v',
  name: 'Vänsterpartiet',
  short: 'V',
};

/** A coder's coding of the cell, as the service answers it. */
export const coding = (over: Partial<CodingJson> = {}): CodingJson => ({
  statement: STATEMENT.id,
  party: PARTY.id,
  coder: 'a',
  position: 1,
  kind: 'stated',
  confidence: 'explicit',
  quote: { start: 17, end: 57 },
  quoteText: TEXT.slice(17, 57),
  quoteLost: false,
  note: '',
  version: 1,
  updated: '2026-12-01T10:00:00.000Z',
  ...over,
});

/** CodingView's props for the cell above, with `onSave` recorded. */
export function viewProps(over: Partial<CodingViewProps> = {}) {
  const onSave = vi.fn<(body: CodingBody) => void>();
  const props: CodingViewProps = {
    statement: STATEMENT,
    party: PARTY,
    programme: PROGRAMME,
    coding: null,
    saveState: 'idle',
    onSave,
    progress: { index: 12, total: 30 },
    onPrevious: () => {},
    onNext: () => {},
    ...over,
  };
  return { props, onSave };
}

/** Coder B's quote: the second sentence. */
export const B_QUOTE = { start: 59, end: 95 };

/** Two coders, one disagreement on the cell above. */
export const AGREEMENT: AgreementJson = {
  coders: [
    { id: 'a', label: 'Anna' },
    { id: 'b', label: 'Bo' },
  ],
  cells: 10,
  onlyA: 1,
  onlyB: 0,
  direction: { percent: 90, kappa: 0.8 },
  position: { percent: 80, kappa: 0.6154 },
  disagreements: [
    {
      statement: STATEMENT.id,
      party: PARTY.id,
      sameDirection: true,
      a: coding({ note: 'Ett löfte.' }),
      b: coding({
        coder: 'b',
        position: 0.5,
        kind: 'implied',
        quote: B_QUOTE,
        quoteText: TEXT.slice(B_QUOTE.start, B_QUOTE.end),
      }),
    },
  ],
};
