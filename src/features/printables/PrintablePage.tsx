import './print.css';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { NamespaceGate, useNamespaceLanguage } from '../../components/NamespaceGate.tsx';
import type { Language } from '../../config/languages.ts';
import { isPrintable, type Printable as PrintableName } from '../../config/paths.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { localized } from '../../i18n/localized.ts';
import { GlossarySheet } from './GlossarySheet.tsx';
import { MethodExerciseSheet } from './MethodExerciseSheet.tsx';
import { QuoteCardsSheet } from './QuoteCardsSheet.tsx';
import { Worksheet } from './Worksheet.tsx';

/**
 * /larare/utskrift/:name: printable A4 material generated from the bank (`PRINTABLES`). On screen
 * the material looks like paper, with a "Skriv ut" button; print.css makes the paper. The material
 * is written in Swedish and English; in Arabic it is shown in English, marked up as such.
 */
export function PrintablePage() {
  return (
    <NamespaceGate namespace="printables">
      <Printable />
    </NamespaceGate>
  );
}

const MATERIALS: Record<PrintableName, (props: { lng: Language }) => ReactNode> = {
  arbetsblad: Worksheet,
  ordlista: GlossarySheet,
  citatkort: QuoteCardsSheet,
  metodovning: MethodExerciseSheet,
};

function Printable() {
  const paths = usePaths();
  const { name } = useParams();
  const lng = useNamespaceLanguage('printables');
  const { t } = useTranslation('printables', { lng });
  if (!isPrintable(name))
    return (
      <div lang={lng} dir="ltr">
        <h1>{t('notFound.title')}</h1>
        <p>{t('notFound.text')}</p>
        <p>
          <Link to={paths.teachers}>{t('notFound.back')}</Link>
        </p>
      </div>
    );
  const Material = MATERIALS[name];
  return (
    <div className="printable" lang={lng} dir="ltr" data-printable={name}>
      <PageFrame name={name} lng={lng} />
      <div className="printable-toolbar">
        <button type="button" className="button primary" onClick={() => window.print()}>
          {t('toolbar.print')}
        </button>
        <Link to={paths.teachers}>{t('toolbar.back')}</Link>
        <p className="hint">{t('toolbar.hint')}</p>
      </div>
      <Material lng={lng} />
    </div>
  );
}

/** A CSS string literal: quotes and backslashes escaped, line breaks as spaces. */
export const cssString = (text: string): string =>
  `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\r\n]+/g, ' ')}"`;

/**
 * The running footer on every printed page (the material, the compass and its version, the page
 * number) as @page margin boxes, and the document's title, which browsers print in their own
 * header. Both exist only while the material is on screen.
 */
function PageFrame({ name, lng }: { name: PrintableName; lng: Language }) {
  const { t } = useTranslation('printables', { lng });
  const compass = useCompass();
  const material = t(`names.${name}`);
  const title = localized(compass.title, lng);
  const running = t('running', { material, compass: title, version: compass.version });
  const pageOf = t('pageOf', { page: '\uE000', pages: '\uE001' })
    .split(/([\uE000\uE001])/)
    .filter((part) => part !== '')
    .map((part) =>
      part === '\uE000' ? 'counter(page)' : part === '\uE001' ? 'counter(pages)' : cssString(part),
    )
    .join(' ');
  const docTitle = t('docTitle', { material, compass: title });
  const box = 'font-family: system-ui, sans-serif; font-size: 8pt; color: #000;';
  const css = `@page { @bottom-left { content: ${cssString(running)}; ${box} } @bottom-right { content: ${pageOf}; ${box} } }`;
  useEffect(() => {
    const before = document.title;
    document.title = docTitle;
    return () => {
      document.title = before;
    };
  }, [docTitle]);
  useEffect(() => {
    // A constructed style sheet: the site's Content Security Policy (style-src 'self') forbids
    // inline <style>, not the CSS object model. Browsers without it print without the footer.
    if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in document)) return;
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [css]);
  return null;
}
