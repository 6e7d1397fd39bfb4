import { describe, expect, it } from 'vitest';
import { compassFolders, loadValidBank } from '../../tools/load-bank.ts';
import { toOpenData } from '../../tools/open-data.ts';
import { openDataText } from './open-data.ts';

// The service serves a published compass's open data in the bytes the build writes for a built
// one (src/tools/vite-plugin-bank.ts: toOpenData, indented by two, a final line break).

describe('openDataText', () => {
  const folders = [...compassFolders('questions'), 'tests/fixtures/demo'];
  it.each(folders)('writes %s as the build does', (folder) => {
    const compass = loadValidBank(folder);
    expect(openDataText(compass)).toBe(`${JSON.stringify(toOpenData(compass), null, 2)}\n`);
  });
});
