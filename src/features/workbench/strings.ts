/**
 * The workbench's three string namespaces (Swedish and English): their loaders are added when
 * the workbench's code loads, not carried by the start page (src/i18n/namespaces.ts). Imported
 * for its effect by WorkbenchPage.tsx, before anything asks for the strings.
 */
import { addNamespaceLoaders } from '../../i18n/namespaces.ts';

addNamespaceLoaders('workbench', {
  sv: () => import('../../i18n/locales/workbench/sv.json'),
  en: () => import('../../i18n/locales/workbench/en.json'),
});
addNamespaceLoaders('workbenchCoding', {
  sv: () => import('../../i18n/locales/workbench-coding/sv.json'),
  en: () => import('../../i18n/locales/workbench-coding/en.json'),
});
addNamespaceLoaders('workbenchBalance', {
  sv: () => import('../../i18n/locales/workbench-balance/sv.json'),
  en: () => import('../../i18n/locales/workbench-balance/en.json'),
});
