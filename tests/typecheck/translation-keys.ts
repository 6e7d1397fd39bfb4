import { useTranslation } from 'react-i18next';
import { createI18n } from '../../src/i18n/i18n.ts';

/**
 * Type-checked by `npm run typecheck` (tsconfig.node.json), never run. Translation keys are typed
 * from the Swedish strings (src/i18n/i18next.d.ts): each `@ts-expect-error` below is an error only
 * while keys are typed, and an unused `@ts-expect-error` fails the typecheck, so this file fails
 * the moment a misspelt key would slip through.
 */
const { t } = createI18n();

export const known: string = t('about.title');
export const paragraphs: string[] = t('about.intro', { returnObjects: true });
export const interpolated: string = t('results.stability.explain', { kept: 3, total: 4 });
const position = (p: 'agree' | 'disagree') => t(`position.${p}`);
export const positions: string[] = [position('agree'), position('disagree')];

// @ts-expect-error: no such key
t('no.such.key');
// @ts-expect-error: a misspelt key
t('about.titel');
// @ts-expect-error: a section is not a string
export const section: string = t('about');
// @ts-expect-error: a key with a default value is checked too (strictKeyChecks)
t('about.titel', 'Om');
declare const anyText: string;
// @ts-expect-error: a dynamic key must be a union of real keys, not any text
t(`results.reason.${anyText}`);

/** The hook the components use is typed the same way. */
export function useFixture(): string {
  const { t: translate } = useTranslation();
  // @ts-expect-error: no such key
  translate('no.such.key');
  return translate('app.name');
}
