/** The editor's steps, in order, and where a draft issue sends the editor to fix it. */
import type { DraftWhere } from '../../../domain/workbench/draft.ts';
import { fieldDomId } from './issues.ts';
import type { LocalWorkspace } from './local-model.ts';

export const STEPS = [
  'meta',
  'parties',
  'statements',
  'coders',
  'reconcile',
  'balance',
  'preview',
  'publish',
] as const;
export type Step = (typeof STEPS)[number];

/** A field to go to: its step, the item chosen there, and the field element's id. */
export interface Target {
  readonly step: Step;
  readonly chosen: string | null;
  readonly domId: string | null;
}

export function targetOf(where: DraftWhere, local: LocalWorkspace): Target {
  if ('statement' in where && 'party' in where)
    return { step: 'reconcile', chosen: null, domId: null };
  if ('statement' in where)
    return {
      step: 'statements',
      chosen: where.statement,
      domId: fieldDomId(`statement-${where.statement}`, where.field),
    };
  if ('party' in where)
    return {
      step: 'parties',
      chosen: where.party,
      domId: fieldDomId(`party-${where.party}`, where.field),
    };
  if ('programme' in where)
    return {
      step: 'parties',
      chosen: where.programme,
      domId: `wb-programme-${where.programme}-text`,
    };
  if ('theme' in where) {
    const i = local.meta?.themes.findIndex((x) => x.id === where.theme) ?? -1;
    return {
      step: 'meta',
      chosen: null,
      domId: i < 0 ? null : fieldDomId(`theme-${i}`, where.field),
    };
  }
  if ('term' in where) {
    const i = local.meta?.glossary.findIndex((x) => x.id === where.term) ?? -1;
    return {
      step: 'meta',
      chosen: null,
      domId: i < 0 ? null : fieldDomId(`term-${i}`, where.field),
    };
  }
  return { step: 'meta', chosen: null, domId: fieldDomId('meta', where.field) };
}

/** The element of a target: the field itself, else the first whose id begins with it. */
export function elementOf(domId: string | null): HTMLElement | null {
  if (domId === null) return null;
  return document.getElementById(domId) ?? document.querySelector<HTMLElement>(`[id^="${domId}-"]`);
}
