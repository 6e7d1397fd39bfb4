// @vitest-environment jsdom
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import type { Compass } from '../../domain/bank/types.ts';
import type { RandomizedSubmission } from '../../domain/classroom/randomized-response.ts';
import type { Voter } from '../../domain/scoring/index.ts';
import { buildCompass } from '../../test/compass-builder.ts';
import { demoCompass, renderPage } from '../../test/render-app.tsx';
import { seededRandomValues } from '../../test/seeded-words.ts';
import { drawSubmission } from './randomized-submission.ts';
import { OPEN_UP_TO, RandomizedPreview } from './RandomizedPreview.tsx';

const WHY =
  'Ungefär vart tredje svar byts mot ett slumpat innan det skickas, så att ingen – inte ens läraren – kan veta vad just du svarade; klassens resultat blir ändå rätt i stort.';

/** Agreed (marked important), skipped, partly against; the fourth statement not reached. */
const ANSWERS: Voter['answers'] = {
  'fler-bibliotek': { answer: 1, important: true },
  'kulturskola-avgift': { answer: 'skip' },
  'balans-fore-satsningar': { answer: -0.5 },
};
const TEXTS = [
  'Kommunen ska bygga fler bibliotek.',
  'Kulturskolan ska kosta pengar för eleverna.',
  'Kommunens ekonomi ska vara i balans innan den gör nya satsningar.',
  'Föreningar ska driva fler av kommunens bibliotek.',
];
const LABEL = {
  emot: 'Emot',
  varken: 'Varken för eller emot',
  for: 'För',
  'hoppade-over': 'Hoppade över',
} as const;

async function renderPreview(
  submission: RandomizedSubmission,
  { compass = demoCompass, answers = ANSWERS, easy = false } = {},
) {
  await act(async () => {
    renderPage(
      <NamespaceGate namespace="classroom">
        <RandomizedPreview
          statements={compass.statements}
          answers={answers}
          submission={submission}
        />
      </NamespaceGate>,
      { compass, easy },
    );
  });
  await screen.findByRole('heading', { level: 3, name: 'Det här skickas till klassen' });
}

/** Each body row as [statement, own answer, sent]. */
const tableRows = () =>
  within(screen.getByRole('table', { name: 'Vad som skickas för varje påstående' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));

describe('RandomizedPreview', () => {
  it('lists every statement with the category sent, and marks exactly the swapped ones', async () => {
    const submission: RandomizedSubmission = {
      p: 0.4,
      categories: {
        'fler-bibliotek': 'for',
        'kulturskola-avgift': 'varken',
        'balans-fore-satsningar': 'emot',
        'foreningsdrivna-bibliotek': 'hoppade-over',
      },
    };
    await renderPreview(submission);
    expect(tableRows()).toEqual([
      [TEXTS[0], 'För', 'För'],
      [TEXTS[1], 'Hoppade över', 'Varken för eller emot bytt'],
      [TEXTS[2], 'Emot', 'Emot'],
      [TEXTS[3], 'Hoppade över', 'Hoppade över'],
    ]);
    expect(screen.getAllByText('bytt')).toHaveLength(1);
    expect(
      screen.getByText('Bytta den här gången: 1 av 4. Bara du ser vilka.'),
    ).toBeInTheDocument();
    // Four statements: the table is shown at once, not behind a disclosure.
    expect(screen.queryByText(/^Visa vad som skickas/)).not.toBeInTheDocument();
  });

  it('shows the submission actually drawn, in words and as the data sent', async () => {
    const submission = drawSubmission(demoCompass.statements, ANSWERS, seededRandomValues(2026));
    await renderPreview(submission);
    const own = ['for', 'hoppade-over', 'emot', 'hoppade-over'] as const;
    expect(tableRows()).toEqual(
      demoCompass.statements.map((s, i) => {
        const sent = submission.categories[s.id]!;
        return [TEXTS[i], LABEL[own[i]!], sent === own[i] ? LABEL[sent] : `${LABEL[sent]} bytt`];
      }),
    );
    expect(screen.queryAllByText('bytt')).toHaveLength(
      demoCompass.statements.filter((s, i) => submission.categories[s.id] !== own[i]).length,
    );
    await userEvent.click(screen.getByText('Samma sak som data, precis som det skickas'));
    expect(JSON.parse(screen.getByTestId('randomized-submission-json').textContent)).toEqual(
      submission,
    );
  });

  it('says in one sentence why answers are swapped, and sends nothing of "Viktigt för mig"', async () => {
    const submission = drawSubmission(demoCompass.statements, ANSWERS, seededRandomValues(1));
    await renderPreview(submission);
    expect(screen.getByText(WHY)).toBeInTheDocument();
    // The class panel says that "Viktigt för mig" is not sent, and indeed nothing of it is in what
    // is sent, though a statement was marked important.
    expect(Object.keys(submission).sort()).toEqual(['categories', 'p']);
    expect(JSON.stringify(submission)).not.toMatch(/viktig|important/i);
  });

  it('shows the easy-read text of a statement in easy-read mode', async () => {
    const submission = drawSubmission(demoCompass.statements, ANSWERS, seededRandomValues(3));
    await renderPreview(submission, { easy: true });
    expect(tableRows()[1]![0]).toBe('Elever ska betala för att gå i kulturskolan.');
  });

  it('collapses a long list behind a summary that says how many statements it holds', async () => {
    const compass: Compass = buildCompass({
      parties: [{ id: 'a' }],
      statements: Array.from({ length: OPEN_UP_TO + 26 }, (_, i) => ({ id: `s${i + 1}` })),
    });
    const submission = drawSubmission(compass.statements, {}, seededRandomValues(5));
    await renderPreview(submission, { compass, answers: {} });
    const summary = screen.getByText('Visa vad som skickas (32 påståenden)');
    expect(summary.closest('details')).not.toHaveAttribute('open');
    await userEvent.click(summary);
    expect(tableRows()).toHaveLength(32);
    expect(screen.queryAllByText('bytt')).toHaveLength(
      Object.values(submission.categories).filter((c) => c !== 'hoppade-over').length,
    );
  });
});
