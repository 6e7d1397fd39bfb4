/**
 * The workbench service (Redaktionen): keys, roles and codings (codings.ts), and on top of them a
 * workspace's items, the editor's reconciliation, the draft's check, import, export and publish.
 * Every method authorizes the key first; the editor alone writes items and decisions, reads the
 * agreement and the draft, imports, exports and publishes.
 */
import type {
  AgreementJson,
  DecisionBody,
  DraftCheckJson,
  ImportResult,
  MetaBody,
  PartyBody,
  ProgrammeBody,
  ProgrammePutResult,
  PublishedVersion,
  StatementBody,
  WorkspaceView,
} from '../../domain/workbench/api.ts';
import { CodingService, expectedVersion, type Where } from './codings.ts';
import { checkDraft } from './draft.ts';
import { exportCompass, type ImportBody, importCompass, publish } from './exchange.ts';
import {
  checkMeta,
  type ItemBodies,
  META_ID,
  RetryError,
  type StoredParty,
  writeItem,
} from './items.ts';
import { WorkbenchError } from './messages.ts';
import { putProgramme } from './programme.ts';
import { agreement, checkedDecision, putDecision } from './reconcile.ts';
import type { Change, ItemKind, KeyRecord } from './types.ts';
import { workspaceView } from './view.ts';

export {
  checkedCoding,
  type CodingBody,
  codingJson,
  etagOf,
  expectedVersion,
  type ServiceOptions,
  type Where,
} from './codings.ts';

type IfMatch = string | string[] | undefined;

export class WorkbenchService extends CodingService {
  async view(workspace: string, authorization: string | undefined): Promise<WorkspaceView> {
    const key = await this.authorize(workspace, authorization);
    return workspaceView(this.context, workspace, key);
  }

  async putMeta(workspace: string, auth: string | undefined, body: MetaBody, ifMatch: IfMatch) {
    await this.#editor(workspace, auth);
    // The id may change until the first publish: then it is the published compass's address.
    const published = await this.context.publisher.versionsOf(workspace);
    if (published.some((version) => version.compass !== body.id))
      throw new WorkbenchError('compass-id-fixed');
    return this.#write(workspace, 'meta', META_ID, checkMeta(body), ifMatch);
  }

  /** A new party goes after the others; a party written again keeps its place. */
  async putParty(where: ItemWhere, auth: string | undefined, body: PartyBody, ifMatch: IfMatch) {
    await this.#editor(where.workspace, auth);
    const parties = await this.context.store.readItems(where.workspace, 'party');
    const order = (item: (typeof parties)[number]) => (item.body as StoredParty).order;
    const own = parties.find((item) => item.id === where.id);
    const place = own ? order(own) : Math.max(-1, ...parties.map(order)) + 1;
    return this.#write(where.workspace, 'party', where.id, { ...body, order: place }, ifMatch);
  }

  /** Deletes the party and its programme; its codings and decisions stay, outside the draft. */
  async deleteParty(where: ItemWhere, auth: string | undefined, ifMatch: IfMatch) {
    await this.#editor(where.workspace, auth);
    const expected = expectedVersion(ifMatch);
    for (let attempt = 1; ; attempt++) {
      const programme = await this.context.store.readItem(where.workspace, 'programme', where.id);
      const more: Change[] = programme
        ? [
            {
              type: 'item',
              kind: 'programme',
              id: where.id,
              expected: programme.version,
              body: null,
            },
          ]
        : [];
      try {
        await writeItem(
          this.context,
          where.workspace,
          { kind: 'party', id: where.id, body: null },
          expected,
          more,
        );
        return;
      } catch (error) {
        if (!(error instanceof RetryError) || attempt === 5) throw error;
      }
    }
  }

  async putProgramme(
    where: ItemWhere,
    auth: string | undefined,
    body: ProgrammeBody,
    ifMatch: IfMatch,
  ): Promise<ProgrammePutResult> {
    await this.#editor(where.workspace, auth);
    const expected = expectedVersion(ifMatch);
    return putProgramme(this.context, where.workspace, where.id, body, expected);
  }

  async putStatement(
    where: ItemWhere,
    auth: string | undefined,
    body: StatementBody,
    ifMatch: IfMatch,
  ) {
    await this.#editor(where.workspace, auth);
    return this.#write(where.workspace, 'statement', where.id, body, ifMatch);
  }

  async deleteStatement(where: ItemWhere, auth: string | undefined, ifMatch: IfMatch) {
    await this.#editor(where.workspace, auth);
    await this.#write(where.workspace, 'statement', where.id, null, ifMatch);
  }

  async agreement(
    workspace: string,
    auth: string | undefined,
    coders?: string,
  ): Promise<AgreementJson> {
    await this.#editor(workspace, auth);
    return agreement(this.context, workspace, coders);
  }

  async putDecision(where: Where, auth: string | undefined, body: DecisionBody, ifMatch: IfMatch) {
    await this.#editor(where.workspace, auth);
    const expected = expectedVersion(ifMatch);
    const cell = { statement: where.statement, party: where.party };
    for (let attempt = 1; ; attempt++) {
      const checked = await checkedDecision(this.context, where.workspace, cell, body);
      try {
        return await putDecision(this.context, where.workspace, cell, checked, expected);
      } catch (error) {
        // The programme was replaced after the quotes were checked: check them again.
        if (!(error instanceof RetryError) || attempt === 5) throw error;
      }
    }
  }

  async draft(workspace: string, auth: string | undefined): Promise<DraftCheckJson> {
    await this.#editor(workspace, auth);
    return checkDraft(this.context, workspace);
  }

  async importCompass(
    workspace: string,
    auth: string | undefined,
    body: ImportBody,
  ): Promise<ImportResult> {
    await this.#editor(workspace, auth);
    return importCompass(this.context, workspace, body);
  }

  async exportCompass(workspace: string, auth: string | undefined) {
    await this.#editor(workspace, auth);
    return exportCompass(this.context, workspace);
  }

  async publish(
    workspace: string,
    auth: string | undefined,
    compass: string,
  ): Promise<PublishedVersion> {
    await this.#editor(workspace, auth);
    return publish(this.context, workspace, compass);
  }

  async #editor(workspace: string, authorization: string | undefined): Promise<KeyRecord> {
    const key = await this.authorize(workspace, authorization);
    if (key.role !== 'editor') throw new WorkbenchError('editor-only');
    return key;
  }

  async #write<K extends ItemKind>(
    workspace: string,
    kind: K,
    id: string,
    body: ItemBodies[K] | null,
    ifMatch: IfMatch,
  ): Promise<{ version: number }> {
    const { version } = await writeItem(
      this.context,
      workspace,
      { kind, id, body },
      expectedVersion(ifMatch),
    );
    return { version: version ?? 0 };
  }
}

/** An item's place: the workspace and the item's id (a party's or a statement's). */
export interface ItemWhere {
  readonly workspace: string;
  readonly id: string;
}
