import { Trans, useTranslation } from 'react-i18next';
import { useEasyRead } from '../../components/use-statement-text.ts';
import type { Language } from '../../config/languages.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { localized } from '../../i18n/localized.ts';
import { statementText } from '../../i18n/statement-text.ts';
import { URL_COMPONENTS } from './breakable-url.tsx';
import { PrintHead } from './PrintHead.tsx';
import { useSiteOrigin } from './site-origin.ts';

/** The five answers in the app's order (the quiz's buttons, top to bottom), with the app's words. */
export const SCALE = ['agree', 'partlyAgree', 'neutral', 'partlyDisagree', 'disagree'] as const;

/** An empty square to tick on paper: a border, no fill, so it prints in black and white. */
export const Box = () => <span className="print-box" aria-hidden="true" />;

/**
 * `arbetsblad`: a front page (how to answer, what each box means, skip and important, that answers
 * are private), then every statement with its number, theme, explainer, five answer boxes, "Hoppa
 * över", "Viktigt för mig" and lines for a note.
 */
export function Worksheet({ lng }: { lng: Language }) {
  const paths = usePaths();
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  const total = compass.statements.length;
  const themes = new Map(compass.themes.map((theme) => [theme.id, localized(theme.name, lng)]));
  const url = `${useSiteOrigin()}${paths.home}`;
  // In easy-read mode (chosen in the header) the sheet prints the easy-read statements.
  const easy = useEasyRead() && lng === 'sv';
  return (
    <>
      <section className="printable-sheet worksheet-front">
        <PrintHead name="arbetsblad" lng={lng} />
        <p className="lead">
          {t('worksheet.lead', { count: total, compass: localized(compass.title, lng) })}
        </p>
        {easy && <p className="worksheet-easy">{t('worksheet.easy')}</p>}
        <h2>{t('worksheet.howTitle')}</h2>
        <ol>
          <li>{t('worksheet.how1')}</li>
          <li>{t('worksheet.how2')}</li>
          <li>{t('worksheet.how3')}</li>
          <li>{t('worksheet.how4')}</li>
          <li>{t('worksheet.how5')}</li>
        </ol>
        <h2>{t('worksheet.boxesTitle')}</h2>
        <dl className="worksheet-legend">
          {[...SCALE, 'skip' as const, 'important' as const].map((key) => (
            <div key={key}>
              <dt>
                <Box /> {t(`scale.${key}`)}
              </dt>
              <dd>{t(`worksheet.${key}`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('scale.neutralVsSkip')}</p>
        <h2>{t('worksheet.privateTitle')}</h2>
        <p>{t('worksheet.private')}</p>
        <p>{t('worksheet.sensitive')}</p>
        <h2>{t('worksheet.resultTitle')}</h2>
        <p>
          <Trans t={t} i18nKey="worksheet.result" values={{ url }} components={URL_COMPONENTS} />
        </p>
      </section>
      <section className="printable-sheet" aria-label={t('names.arbetsblad')}>
        <ol className="worksheet-statements">
          {compass.statements.map((statement, i) => {
            const number = i + 1;
            const shown = statementText(statement, lng, easy);
            return (
              <li key={statement.id} className="worksheet-statement">
                <p className="worksheet-meta">
                  <span className="worksheet-number">
                    {t('worksheet.number', { number, total })}
                  </span>
                  <span className="worksheet-theme">
                    {t('worksheet.theme', { theme: themes.get(statement.theme) ?? '' })}
                  </span>
                </p>
                <h2 className="worksheet-text">{shown.text}</h2>
                <p className="worksheet-explainer">{shown.explainer}</p>
                <ul className="worksheet-boxes" aria-label={t('worksheet.answers', { number })}>
                  {SCALE.map((key) => (
                    <li key={key}>
                      <Box />
                      <span>{t(`scale.${key}`)}</span>
                    </li>
                  ))}
                </ul>
                <ul className="worksheet-extra">
                  <li>
                    <Box /> {t('scale.skip')}
                  </li>
                  <li>
                    <Box /> {t('scale.important')}
                  </li>
                </ul>
                <div className="worksheet-note">
                  <p>{t('worksheet.note', { number })}</p>
                  <span className="print-line" aria-hidden="true" />
                  <span className="print-line" aria-hidden="true" />
                </div>
              </li>
            );
          })}
        </ol>
      </section>
    </>
  );
}
