/**
 * `npm run score -- --compass socialpolitik --answers answers.json` scores one voter and prints
 * the result as JSON. `--jsonl [file]` reads one voter per line (from the file, or standard input
 * when no file is given) and writes one result per line. `--compass` takes a compass id under
 * questions/ or a path to a published compass JSON (dist/data/<id>.json).
 *
 * Answers: { "answers": { "<statementId>": { "answer": 1 | 0.5 | 0 | -0.5 | -1 | "skip",
 *            "important": true } }, "parties": ["s", "v"] }   (parties optional)
 * Invalid input exits 1 with a one-line message on standard error.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { parseCompass } from '../domain/bank/parse-compass.ts';
import type { Compass } from '../domain/bank/types.ts';
import { ScoringError } from '../domain/scoring/index.ts';
import { scoreVoter } from '../domain/scoring/index.ts';
import { parseVoter } from '../domain/scoring/index.ts';
import { formatIssue, loadBank } from './load-bank.ts';
import { scoreOutput } from './score-output.ts';

class InputError extends Error {}

function loadCompass(spec: string): Compass {
  if (spec.endsWith('.json')) {
    const parsed = parseCompass(readJson(spec, 'compass'));
    if (!parsed.ok) throw new InputError(`${spec}: invalid compass: ${parsed.issues[0]!.message}`);
    return parsed.compass;
  }
  if (!/^[a-z0-9-]+$/.test(spec))
    throw new InputError(`--compass "${spec}" is neither a compass id nor a .json file`);
  const result = loadBank(resolve('questions', spec));
  if (!result.ok)
    throw new InputError(
      `questions/${spec} is not a valid compass: ${formatIssue(result.issues[0]!)}`,
    );
  return result.compass;
}

function readJson(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(`cannot read the ${what} file ${path}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
}

const score = (compass: Compass, input: unknown) =>
  scoreOutput(compass, scoreVoter(compass, parseVoter(input)));

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: {
      compass: { type: 'string' },
      answers: { type: 'string' },
      jsonl: { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (!values.compass) throw new InputError('missing --compass <id or file.json>');
  const compass = loadCompass(values.compass);
  if (!values.jsonl) {
    if (!values.answers)
      throw new InputError('missing --answers <file.json> (or --jsonl to read one voter per line)');
    console.log(JSON.stringify(score(compass, readJson(values.answers, 'answers')), null, 2));
    return;
  }
  const source = positionals[0] ?? values.answers;
  const lines = createInterface({
    input: source ? (await import('node:fs')).createReadStream(source) : process.stdin,
  });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() === '') continue;
    let input: unknown;
    try {
      input = JSON.parse(line) as unknown;
    } catch (error) {
      throw new InputError(`line ${n}: not valid JSON: ${(error as Error).message}`);
    }
    try {
      process.stdout.write(`${JSON.stringify(score(compass, input))}\n`);
    } catch (error) {
      if (error instanceof ScoringError) throw new InputError(`line ${n}: ${error.message}`);
      throw error;
    }
  }
}

main().catch((error: unknown) => {
  if (error instanceof InputError || error instanceof ScoringError) {
    console.error(`score: ${error.message}`);
    process.exitCode = 1;
    return;
  }
  throw error;
});
