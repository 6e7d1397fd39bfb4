import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * The repository stands on its own: code, tests and docs say what was asked and why, in their own
 * words, never by pointing at an issue number (an issue tracker is not part of the clone).
 */
const ISSUE_REFERENCE = new RegExp(['\\bissues?', '\\s*#?\\d+'].join(''), 'i');

describe('the repository', () => {
  it('cites no issue number in code, tests or docs', () => {
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], {
      encoding: 'utf8',
    })
      .split('\n')
      .filter((f) => /\.(ts|tsx|js|css|md|yaml|json|html)$/.test(f))
      .filter((f) => !f.endsWith('package-lock.json'));
    const found = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) =>
          ISSUE_REFERENCE.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(found).toEqual([]);
  });
});
