/**
 * What the workbench's publish step needs from the store of published compasses: each publish is
 * a new immutable, numbered version of a compass id, owned by the workspace that first published
 * it. The workbench (src/server/workbench) calls it; src/server/published implements and serves it.
 */
import type { Compass } from '../../domain/bank/types.ts';
import type { PublishedVersion } from '../../domain/workbench/api.ts';

export interface PublishInput {
  /** The compass id (slug) it is published under; `compass.id` is the same. */
  readonly id: string;
  readonly workspace: string;
  /** Valid by the bank's rules (the workbench checked it with `draftToCompass`). */
  readonly compass: Compass;
  /** Raw programme text by party id: the `<id>-programmes.json` beside the compass. */
  readonly programmes: Readonly<Record<string, string>>;
  /** Kept in the list of compasses (the bank's Compass has no field for them). */
  readonly region?: string;
  readonly electionDate?: string;
  /** Milliseconds. */
  readonly at: number;
}

export type PublishOutcome =
  | { readonly published: true; readonly version: PublishedVersion }
  /** The id is another workspace's, or a compass the site was built with. */
  | { readonly published: false; readonly reason: 'taken' };

export interface Publisher {
  /** Stores the next version of `id` in one transaction (its number is one more than the last). */
  publish(input: PublishInput): Promise<PublishOutcome>;
  /** The versions this workspace published, newest first. */
  versionsOf(workspace: string): Promise<readonly PublishedVersion[]>;
}
