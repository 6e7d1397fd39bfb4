import { useTranslation } from 'react-i18next';
import { ClearAnswers } from '../../components/ClearAnswers.tsx';
import { useCompass } from '../../context/compass-context.tsx';

/** Who made this, what it stores (nothing but your answers, in your browser), and the sources. */
export function AboutPage() {
  const { t } = useTranslation();
  const compass = useCompass();
  const paragraphs = (key: 'about.intro' | 'about.privacy') =>
    t(key, { returnObjects: true }).map((text) => <p key={text}>{text}</p>);
  return (
    <>
      <h1>{t('about.title')}</h1>
      {paragraphs('about.intro')}
      <h2>{t('about.privacyTitle')}</h2>
      {paragraphs('about.privacy')}
      <ClearAnswers />
      <h2>{t('about.sourcesTitle')}</h2>
      <ul>
        {compass.parties.map((p) => (
          <li key={p.id}>
            <a href={p.source.url} rel="noreferrer noopener" target="_blank">
              {t('party.title', { name: p.name, municipality: p.municipality })}
            </a>
          </li>
        ))}
      </ul>
      <p>{t('about.openData')}</p>
    </>
  );
}
