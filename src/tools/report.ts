/**
 * `npm run bank:report [-- --check]`: prints the balance report of every compass and writes it to
 * questions/<compass>/REPORT.md. With --check it writes nothing and exits 1 when a REPORT.md is stale.
 */
import { renderReport } from './balance-report.ts';
import { generatePerCompass } from './generated-file.ts';

generatePerCompass('REPORT.md', 'npm run bank:report', renderReport);
