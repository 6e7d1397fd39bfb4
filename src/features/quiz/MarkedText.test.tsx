// @vitest-environment jsdom
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { GlossaryEntry } from '../../domain/bank/types.ts';
import { MarkedText } from './MarkedText.tsx';

const lss: GlossaryEntry = {
  id: 'lss',
  term: { sv: 'LSS', en: 'LSS (disability support act)' },
  definition: { sv: 'En lag.', en: 'A law.' },
};
const hvb: GlossaryEntry = {
  id: 'hvb',
  term: { sv: 'HVB (hem för vård eller boende)', en: 'HVB (residential care home)' },
  definition: { sv: 'Ett hem.', en: 'A home.' },
};

describe('MarkedText', () => {
  it('marks each glossary term where it first occurs and points to its explanation', () => {
    const { container } = render(
      <MarkedText
        text="Kommunen ska driva LSS-boenden, inte hvb eller LSS."
        terms={[lss, hvb]}
        language="sv"
      />,
    );
    const marks = [...container.querySelectorAll('.term')];
    expect(marks.map((m) => [m.textContent, m.getAttribute('aria-describedby')])).toEqual([
      ['LSS', 'term-lss'],
      ['hvb', 'term-hvb'],
    ]);
    expect(container.textContent).toBe('Kommunen ska driva LSS-boenden, inte hvb eller LSS.');
  });

  it('leaves text without the terms untouched', () => {
    const { container } = render(<MarkedText text="Inga ord här." terms={[lss]} language="sv" />);
    expect(container.querySelectorAll('.term')).toHaveLength(0);
    expect(container.textContent).toBe('Inga ord här.');
  });
});
