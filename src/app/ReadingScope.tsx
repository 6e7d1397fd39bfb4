import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { ScopeProvider } from '../context/scope-context.tsx';
import { switchLanguage } from '../i18n/i18n.ts';
import { type Reading, readingLanguage } from '../i18n/reading.ts';

/**
 * The pages of one reading (`/`, `/en/`, `/ar/`, `/lattlast/`): the app speaks that reading's
 * language. A page that opens in it has it from the first paint (main.tsx loads the language
 * first); following a link to another reading loads that language, then switches.
 */
export function ReadingScope({ reading }: { reading: Reading }) {
  const { i18n } = useTranslation();
  const language = readingLanguage(reading);
  useEffect(() => {
    if (i18n.language !== language) void switchLanguage(i18n, language);
  }, [i18n, language]);
  return (
    <ScopeProvider value={{ reading, compass: null }}>
      <Outlet />
    </ScopeProvider>
  );
}
