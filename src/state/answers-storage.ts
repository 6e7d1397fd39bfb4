/**
 * How the voter's answers are stored on this device (localStorage, through the answers store's
 * `persist`): the key, the shape and its version. A module of its own, without zustand or React,
 * so that tests which put answers into a real browser's storage write exactly what the store reads.
 */
import type { VoterAnswer } from '../domain/scoring/index.ts';

/** What is stored on this device, and nothing else: the voter's answers and choices. */
export interface AnswersData {
  /** The compass and version the answers belong to; answers never carry over to another version. */
  readonly compassId: string | null;
  readonly compassVersion: string | null;
  /** Answered or skipped statements; a statement not here has not been reached yet. */
  readonly answers: Readonly<Record<string, VoterAnswer>>;
  /** Parties to compare; null = all. */
  readonly parties: readonly string[] | null;
  /** Set when stored answers belonged to an older version of the questions and were put aside. */
  readonly outdated: boolean;
  /** The answers to the other compasses of this site, by compass id, kept while this one is on screen. */
  readonly others: Readonly<Record<string, KeptAnswers>>;
}

/** One compass's answers, kept while another compass is on screen. */
export interface KeptAnswers {
  readonly version: string;
  readonly answers: Readonly<Record<string, VoterAnswer>>;
  readonly parties: readonly string[] | null;
}

export const STORAGE_KEY = 'valkompass:answers';
/** Bump when AnswersData changes shape; the store's `migrate` must then read the old shape. */
export const STORAGE_VERSION = 2;

/** The stored text of `data`, as the store's `persist` writes it under STORAGE_KEY. */
export const storedAnswersText = (data: AnswersData): string =>
  JSON.stringify({ state: data, version: STORAGE_VERSION });
