/**
 * The workbench service's base: keys and roles, and the rules of a coding. Every key is 32 random bytes
 * (base64url), shown once; only its SHA-256 is stored, and a request's key is found by that hash
 * (the classroom's teacher-key helpers). No key or a malformed `Authorization` → 401
 * `missing-key`; a key of another workspace, or none the store knows → 403 `wrong-key`.
 */
import { randomBytes } from 'node:crypto';
import type { CodingJson } from '../../domain/workbench/api.ts';
import { hashTeacherKey, makeTeacherKey, readTeacherKey } from '../http/teacher-key.ts';
import type { Publisher } from '../published/types.ts';
import { type Context, mustExist, type ProgrammeItem } from './items.ts';
import { WorkbenchError } from './messages.ts';
import { quoteIn } from './quotes.ts';
import type {
  Change,
  Coding,
  CodingKey,
  KeyRecord,
  Kind,
  StoredCoding,
  WorkbenchStore,
} from './types.ts';
import { codingJson as codingView } from './view.ts';

/** A coding as the API reads and writes it. */
export interface CodingBody {
  position: -1 | -0.5 | 0 | 0.5 | 1 | null;
  kind: Kind;
  confidence?: 'explicit' | 'general';
  quote: { start: number; end: number } | null;
  note?: string;
}

export interface ServiceOptions {
  /** Where publish stores a compass (src/server/published); required: publish always works. */
  readonly publisher: Publisher;
  readonly now?: () => Date;
}

export interface Where {
  readonly workspace: string;
  readonly statement: string;
  readonly party: string;
}

const WORKSPACE_ID_BYTES = 16;
/** How often a write is tried again when the programme it was checked against was replaced. */
const RETRIES = 5;
const CODER_ID_BYTES = 9;
/** `"3"`, or `3` / `W/"3"` as some clients send it. */
const IF_MATCH = /^(?:W\/)?"?([1-9][0-9]{0,8})"?$/;

export const etagOf = (version: number) => `"${version}"`;

/** Keys, roles and codings: the first slice; service.ts adds the workspace's items on top. */
export class CodingService {
  readonly #store: WorkbenchStore;
  readonly #now: () => Date;
  /** What the service's parts (items.ts, programme.ts, draft.ts …) share. */
  protected readonly context: Context;

  constructor(store: WorkbenchStore, options: ServiceOptions) {
    this.#store = store;
    this.#now = options.now ?? (() => new Date());
    this.context = { store, publisher: options.publisher, now: this.#now };
  }

  async createWorkspace(title: string) {
    const id = randomBytes(WORKSPACE_ID_BYTES).toString('base64url');
    const editorKey = makeTeacherKey();
    const created = this.#now();
    await this.#store.createWorkspace({
      id,
      title,
      editorKeyHash: hashTeacherKey(editorKey),
      createdAt: created.getTime(),
    });
    return { workspace: { id, title, created: created.toISOString() }, editorKey };
  }

  async addCoder(workspace: string, authorization: string | undefined, label: string) {
    const key = await this.#authorize(workspace, authorization);
    if (key.role !== 'editor') throw new WorkbenchError('editor-only');
    const id = randomBytes(CODER_ID_BYTES).toString('base64url');
    const coderKey = makeTeacherKey();
    await this.#store.addCoder({
      workspace,
      coder: id,
      label,
      keyHash: hashTeacherKey(coderKey),
      createdAt: this.#now().getTime(),
    });
    return { coder: { id, label }, coderKey };
  }

  /** The coding of `coder` (the key's own coder when undefined): the coder itself or the editor. */
  async readCoding(where: Where, authorization: string | undefined, coder?: string) {
    const key = await this.#authorize(where.workspace, authorization);
    let whose: string;
    if (coder === undefined) {
      if (key.role !== 'coder') throw new WorkbenchError('coder-only');
      whose = key.coder!;
    } else if (key.role === 'coder') {
      if (coder !== key.coder) throw new WorkbenchError('not-your-coding');
      whose = coder;
    } else {
      if (!(await this.#store.hasCoder(where.workspace, coder)))
        throw new WorkbenchError('unknown-coder');
      whose = coder;
    }
    const stored = await this.#store.readCoding({ ...where, coder: whose });
    if (!stored) throw new WorkbenchError('no-coding');
    return { coding: codingJson({ ...where, coder: whose }, stored), etag: etagOf(stored.version) };
  }

  /** Writes the key's coder's coding if `ifMatch` names the stored version (none: a first write). */
  async writeCoding(
    where: Where,
    authorization: string | undefined,
    body: CodingBody,
    ifMatch: string | string[] | undefined,
  ) {
    const key = await this.#authorize(where.workspace, authorization);
    if (key.role !== 'coder') throw new WorkbenchError('coder-only');
    const expected = expectedVersion(ifMatch);
    const checked = checkedCoding(body);
    const codingKey: CodingKey = { ...where, coder: key.coder! };
    for (let attempt = 1; ; attempt++) {
      const { coding, programme } = await this.#anchored(where, checked);
      // The quote was checked against this version of the programme: the write goes through only
      // if it is still the stored one (else the check is made again on the new text).
      const check: Change[] =
        programme === undefined
          ? []
          : [{ type: 'check', kind: 'programme', id: where.party, expected: programme }];
      const change: Change = {
        type: 'coding',
        key: { coder: codingKey.coder, statement: where.statement, party: where.party },
        expected,
        coding,
      };
      const result = await this.#store.applyChanges(
        where.workspace,
        [...check, change],
        this.#now().getTime(),
      );
      if (result.ok) return { version: result.versions[check.length]! };
      const programmeMoved = result.index < check.length;
      if (programmeMoved && attempt < RETRIES) continue;
      const current = programmeMoved
        ? await this.#store.readCoding(codingKey)
        : (result.current as StoredCoding | null);
      throw new WorkbenchError(
        'version-conflict',
        {
          sentVersion: expected,
          storedVersion: current?.version ?? null,
          stored: current ? codingJson(codingKey, current) : null,
        },
        current ? { etag: etagOf(current.version) } : {},
      );
    }
  }

  /**
   * The coding with its quote checked against the stored programme (and trimmed), and the
   * programme's version it was checked against (undefined without a quote); or 400/404.
   */
  async #anchored(
    where: Where,
    coding: Coding,
  ): Promise<{ coding: Coding; programme?: number | null }> {
    const ctx = this.context;
    await mustExist(ctx, where.workspace, 'statement', where.statement, 'unknown-statement');
    await mustExist(ctx, where.workspace, 'party', where.party, 'unknown-party');
    if (coding.quoteStart === null || coding.quoteEnd === null) return { coding };
    const programme = await this.#store.readItem(where.workspace, 'programme', where.party);
    const quote = quoteIn((programme?.body as ProgrammeItem | undefined) ?? null, {
      start: coding.quoteStart,
      end: coding.quoteEnd,
    });
    return {
      coding: { ...coding, quoteStart: quote.start, quoteEnd: quote.end, quoteText: quote.text },
      programme: programme?.version ?? null,
    };
  }

  /** The key of this workspace, or 401/403. */
  protected authorize(workspace: string, authorization: string | undefined): Promise<KeyRecord> {
    return this.#authorize(workspace, authorization);
  }

  async #authorize(workspace: string, authorization: string | undefined): Promise<KeyRecord> {
    const key = readTeacherKey(authorization);
    if (key === null) throw new WorkbenchError('missing-key');
    const found = await this.#store.findKey(hashTeacherKey(key));
    if (!found || found.workspace !== workspace) throw new WorkbenchError('wrong-key');
    return found;
  }
}

/** The version an `If-Match` names, null without one; 400 `invalid-if-match` for anything else (`*` too). */
export function expectedVersion(header: string | string[] | undefined): number | null {
  if (header === undefined) return null;
  const match = typeof header === 'string' ? IF_MATCH.exec(header.trim()) : null;
  if (!match) throw new WorkbenchError('invalid-if-match');
  return Number(match[1]);
}

/** The body as stored, or 400 when kind, position and quote do not agree. */
export function checkedCoding(body: CodingBody): Coding {
  const { position, kind, quote } = body;
  if (quote && quote.start >= quote.end) throw new WorkbenchError('invalid-quote');
  const consistent =
    kind === 'silent'
      ? position === null && quote === null
      : kind === 'stated'
        ? position !== null && quote !== null
        : position !== null;
  if (!consistent) throw new WorkbenchError('inconsistent-coding');
  return {
    positionHalves: position === null ? null : position * 2,
    kind,
    quoteStart: quote?.start ?? null,
    quoteEnd: quote?.end ?? null,
    note: body.note ?? '',
    confidence: body.confidence ?? 'explicit',
    quoteText: null,
    quoteLost: false,
  };
}

export function codingJson(key: CodingKey, stored: StoredCoding): CodingJson {
  return codingView(key, stored);
}
