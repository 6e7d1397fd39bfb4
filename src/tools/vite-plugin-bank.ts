import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import type { Compass } from '../domain/bank/types.ts';
import { folderAgreement } from './agreement.ts';
import { compassFolders, formatIssue, loadBank } from './load-bank.ts';
import { SCHEMA_FILE, toCsv, toOpenData } from './open-data.ts';
import { measureRandomVoters } from './random-voters.ts';
import { measureRobustness } from './robustness-report.ts';

const schemaText = () => readFileSync(new URL('./compass.schema.json', import.meta.url), 'utf8');

interface Loaded {
  readonly folder: string;
  readonly compass: Compass;
  readonly programmes: Readonly<Record<string, string>>;
}

/** Every compass under `questionsDir`, validated; throws one message listing every problem. */
function loadAll(questionsDir: string): Loaded[] {
  const compasses: Loaded[] = [];
  const problems: string[] = [];
  for (const folder of compassFolders(questionsDir)) {
    const result = loadBank(folder);
    if (result.ok)
      compasses.push({ folder, compass: result.compass, programmes: result.programmes });
    else problems.push(...result.issues.map(formatIssue));
  }
  if (problems.length > 0)
    throw new Error(`the question bank has problems:\n${problems.join('\n')}`);
  return compasses;
}

/** The open-data files of every compass, by path under the site root. */
export function openDataFiles(questionsDir: string): Map<string, string> {
  const files = new Map<string, string>([[`data/${SCHEMA_FILE}`, schemaText()]]);
  for (const { folder, compass, programmes } of loadAll(questionsDir)) {
    files.set(`data/${compass.id}.json`, `${JSON.stringify(toOpenData(compass), null, 2)}\n`);
    files.set(`data/${compass.id}.csv`, toCsv(compass));
    // The verbatim programme texts, for the programme viewer (loaded only there).
    files.set(`data/${compass.id}-programmes.json`, JSON.stringify(programmes));
    // The figures the method page shows: coder agreement, robustness and how often random voters
    // see every party ranked, computed from the bank.
    const agreement = folderAgreement(folder);
    files.set(
      `data/${compass.id}-method.json`,
      JSON.stringify({
        agreement: agreement && { ...agreement, disagreements: agreement.disagreements.length },
        robustness: measureRobustness(compass),
        ranking: {
          everything: measureRandomVoters(compass, 0),
          tenthSkipped: measureRandomVoters(compass, 0.1),
        },
      }),
    );
  }
  return files;
}

/**
 * Validates the question bank when the build starts (a broken bank fails the build with
 * file:line reasons) and publishes each compass as open data under /data/.
 */
export function questionBank(questionsDir = resolve('questions')): Plugin {
  let files = new Map<string, string>();
  return {
    name: 'valkompass-question-bank',
    buildStart() {
      try {
        files = openDataFiles(questionsDir);
      } catch (error) {
        this.error((error as Error).message);
      }
      for (const folder of compassFolders(questionsDir)) this.addWatchFile(folder);
    },
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      let cached: Map<string, string> | null = null;
      server.watcher.add(questionsDir);
      server.watcher.on('all', (_event, file) => {
        if (file.startsWith(questionsDir)) cached = null;
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!path.startsWith('data/')) return next();
        let body: string | undefined;
        try {
          cached ??= openDataFiles(questionsDir);
          body = cached.get(path);
        } catch (error) {
          res.statusCode = 500;
          res.end((error as Error).message);
          return;
        }
        if (body === undefined) return next();
        res.setHeader(
          'Content-Type',
          path.endsWith('.csv') ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
        );
        res.end(body);
      });
    },
  };
}
