/**
 * `npm run robustness [-- --check]`: simulates voters on every compass and writes
 * questions/<compass>/ROBUSTNESS.md: how often the top party changes when statements are dropped,
 * when implied confidence is set differently, and under the comparison methods.
 * Deterministic (seeded), so --check can tell whether the file is current.
 */
import { generatePerCompass } from './generated-file.ts';
import { renderRobustness } from './robustness-report.ts';

generatePerCompass('ROBUSTNESS.md', 'npm run robustness', (compass) => renderRobustness(compass));
