import type { NAMESPACE } from './i18n.ts';
import type sv from './locales/sv.json';

/**
 * Translation keys are typed from the Swedish strings (the authoritative language), so that a
 * missing or misspelt key fails `npm run typecheck`. Other languages are held to the same keys
 * by tests/i18n-parity.test.ts.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACE;
    resources: Record<typeof NAMESPACE, typeof sv>;
    strictKeyChecks: true;
  }
}
