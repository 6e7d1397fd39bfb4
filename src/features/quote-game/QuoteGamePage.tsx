import './quote-game.css';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { useStatementText } from '../../components/use-statement-text.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { drawGame, quoteParties, type Random, seededRandom } from './draw.ts';

/**
 * /vem-sa-vad: "who said what". A verbatim quote, one button per party; the answer shows the
 * party, the statement the quote was coded for and the passage in the programme. Ten rounds, a
 * score, no timer. `random` is for tests (a seeded draw); the app draws with `Math.random`.
 */
export function QuoteGamePage({ random }: { random?: Random } = {}) {
  return (
    <NamespaceGate namespace="quoteGame">
      <div className="quote-game">
        <QuoteGame random={random ?? Math.random} />
      </div>
    </NamespaceGate>
  );
}

type Focus = 'none' | 'quote' | 'feedback' | 'score';

function QuoteGame({ random }: { random: Random }) {
  const paths = usePaths();
  const { t } = useTranslation('quoteGame');
  const { t: tMain } = useTranslation();
  const compass = useCompass();
  // The statement in the reader's language or in easy-read Swedish (the quotes stay verbatim).
  const shown = useStatementText();
  const parties = useMemo(
    () => quoteParties(compass).flatMap((id) => compass.parties.filter((party) => party.id === id)),
    [compass],
  );
  // A fresh seed per game from the page's source, so "Spela igen" draws a new game.
  const [game, setGame] = useState(() => drawGame(compass, seededRandom(seedFrom(random))));
  const [index, setIndex] = useState(0);
  const [choice, setChoice] = useState<string | null>(null);
  const [score, setScore] = useState(0);
  const [done, setDone] = useState(false);
  const [focus, setFocus] = useState<Focus>('none');
  const quoteRef = useRef<HTMLQuoteElement>(null);
  const feedbackRef = useRef<HTMLDivElement>(null);
  const scoreRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    const target = { none: null, quote: quoteRef, feedback: feedbackRef, score: scoreRef }[focus];
    target?.current?.focus();
  }, [focus, index, done, choice]);

  if (game.length === 0 || parties.length < 2)
    return (
      <>
        <h1>{t('title')}</h1>
        <p>{t('tooFew')}</p>
      </>
    );

  const round = game[index];
  const answer = (partyId: string) => {
    if (choice !== null || !round) return;
    setChoice(partyId);
    if (partyId === round.party) setScore((s) => s + 1);
    setFocus('feedback');
  };
  const next = () => {
    if (index + 1 >= game.length) {
      setDone(true);
      setFocus('score');
      return;
    }
    setIndex((i) => i + 1);
    setChoice(null);
    setFocus('quote');
  };
  const again = () => {
    setGame(drawGame(compass, seededRandom(seedFrom(random))));
    setIndex(0);
    setChoice(null);
    setScore(0);
    setDone(false);
    setFocus('quote');
  };

  if (done)
    return (
      <>
        <h1>{t('title')}</h1>
        <section aria-labelledby="quote-game-score" className="quote-game-score">
          <h2 id="quote-game-score" ref={scoreRef} tabIndex={-1}>
            {t('scoreTitle')}: {t('score', { score, total: game.length })}
          </h2>
          <p>{t('scoreNote', { score, total: game.length })}</p>
          <button type="button" className="button" onClick={again}>
            {t('again')}
          </button>
        </section>
      </>
    );

  if (!round) return null;
  const party = compass.parties.find((p) => p.id === round.party);
  const statement = compass.statements.find((s) => s.id === round.statement);
  const chosen = compass.parties.find((p) => p.id === choice);
  const right = choice === round.party;

  return (
    <>
      <h1>{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <p className="hint">{tMain('statements.quoteNote')}</p>
      <p className="quote-game-progress">
        {t('progress', { current: index + 1, total: game.length })}
      </p>
      <figure className="quote-game-figure">
        <blockquote
          key={round.quote}
          ref={quoteRef}
          tabIndex={-1}
          lang="sv"
          dir="ltr"
          className="quote-game-quote"
          aria-label={t('quoteLabel')}
        >
          <p>{round.quote}</p>
        </blockquote>
      </figure>
      <fieldset className="quote-game-parties">
        <legend>{t('question')}</legend>
        <ul>
          {parties.map((p) => (
            <li key={p.id}>
              <button
                type="button"
                className="button"
                disabled={choice !== null}
                aria-pressed={choice === p.id}
                onClick={() => answer(p.id)}
              >
                <span
                  className="party-swatch"
                  style={{ backgroundColor: p.colour }}
                  aria-hidden="true"
                />
                {p.name}
              </button>
            </li>
          ))}
        </ul>
      </fieldset>
      <div
        ref={feedbackRef}
        tabIndex={-1}
        aria-live="polite"
        className={choice === null ? 'quote-game-feedback' : 'quote-game-feedback answered'}
        data-testid="quote-game-feedback"
      >
        {choice !== null && party && statement && (
          <>
            <p className={right ? 'quote-game-verdict right' : 'quote-game-verdict wrong'}>
              <span aria-hidden="true">{right ? '✓ ' : '✗ '}</span>
              {right ? t('right') : t('wrong')}{' '}
              {!right && chosen && t('yourChoice', { party: chosen.name })}
            </p>
            <p>{t('answerParty', { party: party.name })}</p>
            <p>
              {t('statementLead')} <q lang={shown(statement).textLang}>{shown(statement).text}</q>
            </p>
            <p>
              <Link to={paths.programme(party.id, statement.id)}>
                {t('toProgramme', { party: party.name })}
              </Link>
            </p>
          </>
        )}
      </div>
      {choice !== null && (
        <p>
          <button type="button" className="button primary" onClick={next}>
            {index + 1 >= game.length ? t('finish') : t('next')}
          </button>
        </p>
      )}
    </>
  );
}

/** A 32-bit seed from a `Math.random`-like source. */
const seedFrom = (random: Random) => Math.floor(random() * 2 ** 32);
