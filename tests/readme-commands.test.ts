import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEST_GATES } from '../src/tools/test-gates.ts';

// README.md's command table is how a newcomer finds the scripts: it must list every script in
// package.json, one row each, and mark (✓) exactly the gates `npm test` runs, in their order.
const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as {
  scripts: Record<string, string>;
};

/** The rows of the table under "## Commands" as [command, what it does]. */
function commandRows(readme: string): [string, string][] {
  const section = readme.split(/^## Commands$/m)[1]?.split(/^## /m)[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2) // the header and the |---| line
    .map((line) => {
      const [command = '', description = ''] = line.slice(1, -1).split(' | ');
      return [command.trim(), description.trim()];
    });
}

/** The script a command cell runs: `npm start`, `npm test` or `npm run <name>`; else null. */
const scriptOf = (command: string) => /^`npm (?:run )?([^\s`]+)`$/.exec(command)?.[1] ?? null;

const rows = commandRows(readFileSync('README.md', 'utf8'));

describe('README.md command table', () => {
  it('is there', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it('names one script per row, each one that package.json has', () => {
    for (const [command] of rows) {
      const script = scriptOf(command);
      expect(script, `"${command}" is not one npm command`).not.toBeNull();
      expect(Object.keys(scripts), `${command} is not in package.json`).toContain(script);
    }
  });

  it('lists every script of package.json exactly once', () => {
    const listed = rows.map(([command]) => scriptOf(command));
    expect([...listed].sort()).toEqual(Object.keys(scripts).sort());
  });

  it('marks with ✓ the gates of `npm test`, in the order it runs them', () => {
    const gates = [...new Set(TEST_GATES.map((gate) => gate.script))];
    for (const gate of gates)
      expect(Object.keys(scripts), `a gate of npm test runs ${gate}`).toContain(gate);
    expect(scripts['test']).toBe('tsx src/tools/run-tests.ts');
    const checked = rows
      .filter(([, description]) => description.startsWith('✓'))
      .map(([command]) => scriptOf(command));
    expect(checked).toEqual(gates);
  });
});
