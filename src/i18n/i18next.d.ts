import type { NAMESPACE } from './i18n.ts';
import type classroom from './locales/classroom/sv.json';
import type lessons from './locales/lessons/sv.json';
import type printables from './locales/printables/sv.json';
import type quoteGame from './locales/quote-game/sv.json';
import type sv from './locales/sv.json';
import type teacher from './locales/teacher/sv.json';
import type workbench from './locales/workbench/sv.json';
import type workbenchBalance from './locales/workbench-balance/sv.json';
import type workbenchCoding from './locales/workbench-coding/sv.json';

/**
 * Translation keys are typed from the Swedish strings (the authoritative language), so that a
 * missing or misspelt key fails `npm run typecheck`. Other languages are held to the same keys
 * by tests/i18n-parity.test.ts. The lazy namespaces (namespaces.ts) load with their pages.
 */
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: typeof NAMESPACE;
    resources: {
      translation: typeof sv;
      classroom: typeof classroom;
      teacher: typeof teacher;
      quoteGame: typeof quoteGame;
      lessons: typeof lessons;
      printables: typeof printables;
      workbench: typeof workbench;
      workbenchCoding: typeof workbenchCoding;
      workbenchBalance: typeof workbenchBalance;
    };
    strictKeyChecks: true;
  }
}
