import { readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { RESERVED_SEGMENTS } from '../config/paths.ts';
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

/**
 * Every compass under `questionsDir` (and in `extraFolders`), validated; throws one message
 * listing every problem. A compass id is a path segment of the site (`/<id>/fraga/3`), so it may
 * not be one that means something else there, and no two compasses may share one.
 */
function loadAll(questionsDir: string, extraFolders: readonly string[] = []): Loaded[] {
  const compasses: Loaded[] = [];
  const problems: string[] = [];
  for (const folder of [...compassFolders(questionsDir), ...extraFolders]) {
    const result = loadBank(folder);
    if (!result.ok) {
      problems.push(...result.issues.map(formatIssue));
      continue;
    }
    const { id } = result.compass;
    const file = relative(process.cwd(), join(folder, 'compass.yaml'));
    if (RESERVED_SEGMENTS.includes(id))
      problems.push(
        `${file}: compass id "${id}" is a word the site's addresses already use (${RESERVED_SEGMENTS.join(', ')}); choose another id`,
      );
    else if (compasses.some((c) => c.compass.id === id))
      problems.push(`${file}: compass id "${id}" is used by another compass too`);
    else compasses.push({ folder, compass: result.compass, programmes: result.programmes });
  }
  if (problems.length > 0)
    throw new Error(`the question bank has problems:\n${problems.join('\n')}`);
  return compasses;
}

/** The open-data files of every compass, by path under the site root. */
export function openDataFiles(
  questionsDir: string,
  extraFolders: readonly string[] = [],
): Map<string, string> {
  return publish(loadAll(questionsDir, extraFolders));
}

function publish(loaded: readonly Loaded[]): Map<string, string> {
  const files = new Map<string, string>([[`data/${SCHEMA_FILE}`, schemaText()]]);
  for (const { folder, compass, programmes } of loaded) {
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

/** The module the app imports for the list of compasses this site serves (src/config/compasses.ts). */
export const COMPASS_LIST_MODULE = 'virtual:valkompass/compasses';
const RESOLVED_LIST = `\0${COMPASS_LIST_MODULE}`;

/** The compasses' ids, titles and descriptions, in folder order: all the app knows before loading one. */
const listModule = (loaded: readonly Loaded[]) =>
  `export default ${JSON.stringify(
    loaded.map(({ compass }) => ({
      id: compass.id,
      title: compass.title,
      description: compass.description,
    })),
  )};`;

/**
 * Validates the question bank when the build starts (a broken bank fails the build with
 * file:line reasons), publishes each compass as open data under /data/ and tells the app which
 * compasses there are (`COMPASS_LIST_MODULE`). `extraFolders` adds compasses from elsewhere
 * (the end-to-end tests add the demo fixture as a second compass this way).
 */
export function questionBank(
  questionsDir = resolve('questions'),
  extraFolders: readonly string[] = [],
): Plugin {
  let loaded: Loaded[] | null = null;
  let files = new Map<string, string>();
  const all = () => (loaded ??= loadAll(questionsDir, extraFolders));
  return {
    name: 'valkompass-question-bank',
    buildStart() {
      try {
        loaded = null;
        files = publish(all());
      } catch (error) {
        this.error((error as Error).message);
      }
      for (const folder of [...compassFolders(questionsDir), ...extraFolders])
        this.addWatchFile(folder);
    },
    resolveId(id) {
      return id === COMPASS_LIST_MODULE ? RESOLVED_LIST : undefined;
    },
    load(id) {
      return id === RESOLVED_LIST ? listModule(all()) : undefined;
    },
    generateBundle() {
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source });
    },
    configureServer(server) {
      let cached: Map<string, string> | null = null;
      server.watcher.add(questionsDir);
      server.watcher.on('all', (_event, file) => {
        if (file.startsWith(questionsDir)) {
          cached = null;
          loaded = null;
        }
      });
      server.middlewares.use((req, res, next) => {
        const path = (req.url ?? '').split('?')[0]!.replace(/^\//, '');
        if (!path.startsWith('data/')) return next();
        let body: string | undefined;
        try {
          cached ??= publish(all());
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
