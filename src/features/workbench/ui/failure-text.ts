import type { TFunction } from 'i18next';
import type { WorkbenchFailure } from '../api/client.ts';

/** What to say about a failed call: the service's own sentence, or no network, or a strange answer. */
export function failureText(t: TFunction<'workbench'>, failure: WorkbenchFailure): string {
  if (failure.kind === 'refused' || failure.kind === 'conflict') return failure.message;
  if (failure.kind === 'network') return t('error.network');
  return t('error.unexpected', { status: failure.status });
}
