import { useTranslation } from 'react-i18next';
import { useScope } from '../context/scope-context.tsx';
import type { Statement } from '../domain/bank/types.ts';
import { isEasyReading } from '../i18n/reading.ts';
import { type ShownStatement, statementText } from '../i18n/statement-text.ts';

/** Whether easy-read is on now: the page's address says so (`/lattlast/…`), and it is in Swedish. */
export function useEasyRead(): boolean {
  const { i18n } = useTranslation();
  return isEasyReading(useScope().reading) && i18n.language === 'sv';
}

/** `statementText` for the current language and reading mode. */
export function useStatementText(): (statement: Statement) => ShownStatement {
  const { i18n } = useTranslation();
  const easy = useEasyRead();
  const language = i18n.language;
  return (statement) => statementText(statement, language, easy);
}
