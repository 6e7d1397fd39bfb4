import { useMemo } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { Language } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import type { Position } from '../../domain/bank/types.ts';
import { localized } from '../../i18n/localized.ts';
import { URL_COMPONENTS } from './breakable-url.tsx';
import { methodExercise, type PartyExercise } from './method-exercise.ts';
import { PrintHead } from './PrintHead.tsx';
import { useSiteOrigin } from './site-origin.ts';
import { SCALE } from './Worksheet.tsx';

const SCALE_OF = new Map<Position, (typeof SCALE)[number]>([
  [1, 'agree'],
  [0.5, 'partlyAgree'],
  [0, 'neutral'],
  [-0.5, 'partlyDisagree'],
  [-1, 'disagree'],
]);

/** Numbers as pupils write them: a decimal comma in Swedish, at most four decimals, a sign on answers. */
function useNumbers(lng: Language) {
  return useMemo(() => {
    const plain = new Intl.NumberFormat(`${lng}-u-nu-latn`, { maximumFractionDigits: 4 });
    const signed = new Intl.NumberFormat(`${lng}-u-nu-latn`, {
      maximumFractionDigits: 2,
      signDisplay: 'exceptZero',
    });
    return { plain: (n: number) => plain.format(n), signed: (n: number) => signed.format(n) };
  }, [lng]);
}

/**
 * `metodovning`: the method scored by hand. A fictional voter (Alex) answers a few real statements
 * (two important, one skipped); two parties' coded positions (one silent somewhere); the steps in
 * plain words; a table per party to fill in; then, on a page of its own, the answers with every
 * step computed (`methodExercise`, checked against the engine).
 */
export function MethodExerciseSheet({ lng }: { lng: Language }) {
  const paths = usePaths();
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  const exercise = useMemo(() => methodExercise(compass), [compass]);
  const { plain, signed } = useNumbers(lng);
  const origin = useSiteOrigin();
  if (!exercise) return null;
  const statement = (id: string) => compass.statements.find((s) => s.id === id)!;
  const partyName = (id: string) => compass.parties.find((p) => p.id === id)?.name ?? id;
  const answerText = (answer: Position) =>
    `${signed(answer)} (${t(`scale.${SCALE_OF.get(answer)!}`)})`;
  const silence = exercise.silence;
  const methodUrl = `${origin}${paths.method}`;

  return (
    <>
      <section className="printable-sheet">
        <PrintHead name="metodovning" lng={lng} />
        <p className="lead">{t('method.lead')}</p>
        <h2>{t('method.voterTitle')}</h2>
        <p>{t('method.voterLead')}</p>
        <div className="reflow">
          <table className="method-table method-voter">
            <thead>
              <tr>
                <th scope="col">{t('method.statement')}</th>
                <th scope="col">{t('method.answer')}</th>
                <th scope="col">{t('method.important')}</th>
              </tr>
            </thead>
            <tbody>
              {exercise.rows.map((row) => (
                <tr key={row.statement}>
                  <th scope="row">
                    {row.number}. {localized(statement(row.statement).text, lng)}
                  </th>
                  <td data-label={t('method.answer')}>
                    {row.answer === 'skip' ? t('method.skipped') : answerText(row.answer)}
                  </td>
                  <td data-label={t('method.important')}>{row.important ? t('method.yes') : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2>{t('method.partiesTitle')}</h2>
        <p>{t('method.partiesLead')}</p>
        <div className="reflow">
          <table className="method-table method-parties">
            <thead>
              <tr>
                <th scope="col">{t('method.statement')}</th>
                {exercise.parties.map((party) => (
                  <th key={party} scope="col">
                    {partyName(party)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {exercise.rows.map((row) => (
                <tr key={row.statement}>
                  <th scope="row">{row.number}</th>
                  {exercise.results.map((result) => {
                    const step = result.steps.find((s) => s.statement === row.statement)!;
                    return (
                      <td key={result.party} data-label={partyName(result.party)}>
                        {step.position === null
                          ? t('method.silent')
                          : t('method.stance', {
                              position: answerText(step.position),
                              confidence: plain(step.confidence),
                            })}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('method.confidenceScale')}</p>
      </section>

      <section className="printable-sheet">
        <h2>{t('method.numbersTitle')}</h2>
        <ul className="method-numbers">
          {SCALE.map((key) => (
            <li key={key}>
              {t(`scale.${key}`)} = {signed([...SCALE_OF].find(([, k]) => k === key)![0])}
            </li>
          ))}
        </ul>
        <h2>{t('method.stepsTitle')}</h2>
        <ol>
          <li>{t('method.step1')}</li>
          <li>{t('method.step2')}</li>
          <li>{t('method.step3')}</li>
          <li>{t('method.step4')}</li>
          <li>{t('method.step5')}</li>
          <li>{t('method.step6')}</li>
        </ol>
        <p>
          <strong>{t('method.sumTitle')}:</strong> {t('method.sumStep')}
        </p>
        {exercise.results.map((result) => (
          <StepTable key={result.party} result={result} lng={lng} filled={false} />
        ))}
        <h2>{t('method.questionsTitle')}</h2>
        <ol>
          <li>{t('method.question1')}</li>
          {silence && (
            <li>
              {t('method.question2', { party: partyName(silence.party), number: silence.number })}
            </li>
          )}
          <li>{t('method.question3')}</li>
        </ol>
        <p className="hint">{t('method.rankRule')}</p>
      </section>

      <section className="printable-sheet method-key" aria-labelledby="method-key-title">
        <h2 id="method-key-title">{t('method.keyTitle')}</h2>
        <p>
          <Trans
            t={t}
            i18nKey="method.keyLead"
            values={{ url: methodUrl }}
            components={URL_COMPONENTS}
          />
        </p>
        {exercise.results.map((result) => (
          <div key={result.party} className="method-key-party">
            <StepTable result={result} lng={lng} filled />
            <p className="method-result">
              {t('method.result', {
                party: partyName(result.party),
                sum: plain(result.sum),
                weight: result.totalWeight,
                percent: result.percent,
              })}
            </p>
            <p>
              {t('method.stated', { stated: result.stated, answered: result.answered })}{' '}
              {t(result.eligible ? 'method.eligible' : 'method.ineligible', {
                party: partyName(result.party),
              })}
            </p>
          </div>
        ))}
        {silence && (
          <>
            <h3>{t('method.silenceTitle')}</h3>
            <p>
              {t('method.silence', {
                party: partyName(silence.party),
                number: silence.number,
                percent: silence.percent,
                same: silence.percentIfSame,
                opposite: silence.percentIfOpposite,
              })}
            </p>
          </>
        )}
        <p>{t('method.doubt')}</p>
      </section>
    </>
  );
}

/** One party's table: the data filled in, the steps blank (for pupils) or computed (the key). */
function StepTable({
  result,
  lng,
  filled,
}: {
  result: PartyExercise;
  lng: Language;
  filled: boolean;
}) {
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  const { plain, signed } = useNumbers(lng);
  const party = compass.parties.find((p) => p.id === result.party)?.name ?? result.party;
  const dash = '–';
  const cell = (value: number | null | string) =>
    filled ? (typeof value === 'number' ? plain(value) : (value ?? dash)) : '';
  const cols = [
    'statement',
    'v',
    'w',
    'p',
    'c',
    'distance',
    'agreement',
    'value',
    'weighted',
  ] as const;
  const caption = t('method.workTitle', { party });
  const label = (col: (typeof cols)[number]) => t(`method.cols.${col}`);
  return (
    // On a narrow screen (or with large text) each row becomes a block with the column names
    // beside the values (the app's reflowing tables); on paper it is a plain table.
    <div className="reflow method-steps-reflow">
      <table className={filled ? 'method-table method-steps' : 'method-table method-steps blank'}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {cols.map((col) => (
              <th key={col} scope="col">
                {t(`method.cols.${col}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.steps.map((step) => (
            <tr key={step.statement} className={step.skipped && filled ? 'skipped' : undefined}>
              <th scope="row">{step.number}</th>
              <td data-label={label('v')}>
                {step.answer === null ? t('method.skipped') : signed(step.answer)}
              </td>
              {step.skipped && filled ? (
                <td colSpan={7} data-label="">
                  {filled ? t('method.notCounted') : ''}
                </td>
              ) : (
                <>
                  <td data-label={label('w')}>{cell(step.weight)}</td>
                  <td data-label={label('p')}>
                    {step.position === null ? t('method.silent') : signed(step.position)}
                  </td>
                  <td data-label={label('c')}>{plain(step.confidence)}</td>
                  <td data-label={label('distance')}>{cell(step.distance)}</td>
                  <td data-label={label('agreement')}>{cell(step.agreement)}</td>
                  <td data-label={label('value')}>{cell(step.value)}</td>
                  <td data-label={label('weighted')}>{cell(step.weighted)}</td>
                </>
              )}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('method.sum')}</th>
            <td data-label="" />
            <td data-label={label('w')}>{cell(result.totalWeight)}</td>
            <td colSpan={5} data-label="" />
            <td data-label={label('weighted')}>{cell(result.sum)}</td>
          </tr>
          {!filled && (
            <tr>
              <td colSpan={9} className="method-match" data-label="">
                {t('method.matchBlank')} <span className="print-blank" aria-hidden="true" /> %
              </td>
            </tr>
          )}
        </tfoot>
      </table>
    </div>
  );
}
