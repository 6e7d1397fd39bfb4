import type { QueueSnapshot } from '../sync/queue.ts';
import { useWt } from '../ui/use-wt.ts';

/**
 * Whether the edits are saved, in a polite live region that is always in the page: "Sparat",
 * "Sparar…", or how many edits wait for the network (with a button to try at once).
 */
export function SyncStatus({ status, onRetry }: { status: QueueSnapshot; onRetry: () => void }) {
  const { t } = useWt();
  const text =
    status.state === 'offline'
      ? t('sync.offline', { count: status.pending })
      : status.state === 'sending'
        ? t('sync.saving')
        : status.blocked.length > 0
          ? t('sync.blocked', { count: status.pending })
          : t('sync.saved');
  return (
    <div className="wb-sync">
      <p role="status" aria-live="polite" className={`wb-sync-${status.state}`}>
        {text}
      </p>
      {status.state === 'offline' && (
        <button type="button" onClick={onRetry}>
          {t('sync.retry')}
        </button>
      )}
    </div>
  );
}
