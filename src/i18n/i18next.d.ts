import type { NAMESPACE } from './i18n.ts';
import type classroom from './locales/classroom/sv.json';
import type lessons from './locales/lessons/sv.json';
import type printables from './locales/printables/sv.json';
import type quoteGame from './locales/quote-game/sv.json';
import type sv from './locales/sv.json';
import type teacher from './locales/teacher/sv.json';

/**
 * Translation keys are typed from the Swedish strings (the authoritative language), so that a
 * missing or misspelt key fails `npm run typecheck`. Other languages are held to the same keys
 * by tests/i18n-parity.test.ts. `classroom`, `teacher`, `quoteGame`, `lessons` and `printables` load with their pages (namespaces.ts).
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
    };
    strictKeyChecks: true;
  }
}
