import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The engine must stay pure (STYLE.md): the lint rule is what keeps it so, so test the rule.
describe('the pure engine (src/domain)', () => {
  const eslint = new ESLint();
  const lint = async (code: string, filePath: string) => {
    const [result] = await eslint.lintText(code, { filePath });
    return result!.messages.map((m) => m.ruleId);
  };

  it.each([
    ["import { useState } from 'react';"],
    ["import { create } from 'zustand';"],
    ["import i18next from 'i18next';"],
    ["import { Link } from 'react-router';"],
    ["import { readFileSync } from 'node:fs';"],
    ["import { loadBank } from '../../tools/load-bank.ts';"],
  ])('rejects %s', async (code) => {
    expect(await lint(`${code}\nexport {};\n`, 'src/domain/scoring/example.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('rejects browser globals', async () => {
    expect(
      await lint(
        'export const x = () => localStorage.getItem("a");\n',
        'src/domain/scoring/example.ts',
      ),
    ).toContain('no-restricted-globals');
  });

  it('allows the same imports outside the engine', async () => {
    expect(
      await lint(
        "import { useState } from 'react';\nexport const x = useState;\n",
        'src/features/x.ts',
      ),
    ).not.toContain('no-restricted-imports');
  });
});
