import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Agreement, type Coding, codingAgreement } from '../domain/workbench/agreement.ts';

export { type Agreement, type Coding, codingAgreement };

/** The agreement of a compass folder's two codings (coding/coder-a.yaml, coder-b.yaml), if both exist. */
export function folderAgreement(folder: string): Agreement | null {
  const a = join(folder, 'coding', 'coder-a.yaml');
  const b = join(folder, 'coding', 'coder-b.yaml');
  if (!existsSync(a) || !existsSync(b)) return null;
  return codingAgreement(
    parse(readFileSync(a, 'utf8')) as Coding,
    parse(readFileSync(b, 'utf8')) as Coding,
  );
}
