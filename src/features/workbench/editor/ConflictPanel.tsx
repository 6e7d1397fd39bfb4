import { parseItem } from '../sync/items.ts';
import { type Blocked, storedValue } from '../sync/queue.ts';
import { useWt } from '../ui/use-wt.ts';
import { fieldLabel } from './field-label.ts';

/** Every leaf of a value as `path → text`, so two versions can be compared field by field. */
function flatten(value: unknown, prefix = '', into = new Map<string, string>()) {
  if (Array.isArray(value)) value.forEach((v, i) => flatten(v, `${prefix}[${i + 1}]`, into));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, into);
  else if (value !== undefined && value !== null) into.set(prefix, String(value));
  return into;
}

function useItemName() {
  const { t } = useWt();
  return (item: string) => {
    const ref = parseItem(item);
    if (ref === null) return item;
    if (ref.kind === 'meta') return t('sync.items.meta');
    if (ref.kind === 'coding' || ref.kind === 'decision')
      return t(`sync.items.${ref.kind}`, { id: `${ref.statement} × ${ref.party}` });
    return t(`sync.items.${ref.kind}`, { id: ref.id });
  };
}

/** One stopped item: a conflict shows both versions and the choice; a refusal, the service's words. */
function BlockedItem({
  block,
  onKeepMine,
  onTakeTheirs,
}: {
  block: Blocked;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const { t } = useWt();
  const name = useItemName()(block.item);
  const headingId = `wb-blocked-${block.item.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  if (block.kind === 'refused')
    return (
      <section className="wb-blocked" aria-labelledby={headingId}>
        <h2 id={headingId}>{t('sync.refusedHeading', { item: name })}</h2>
        <p lang="sv">{block.message}</p>
        <button type="button" onClick={onTakeTheirs}>
          {t('sync.drop')}
        </button>
      </section>
    );
  const mine = flatten(block.mine.op === 'delete' ? null : block.mine.body);
  const theirs = flatten(
    storedValue(block.stored, block.mine.op === 'delete' ? undefined : block.mine.body),
  );
  const fields = [...new Set([...mine.keys(), ...theirs.keys()])].filter(
    (f) => mine.get(f) !== theirs.get(f),
  );
  const cell = (map: Map<string, string>, f: string) =>
    map.size === 0 ? t('sync.removed') : (map.get(f) ?? t('sync.empty'));
  return (
    <section className="wb-blocked" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('sync.conflictHeading', { item: name })}</h2>
      <p>{t('sync.conflictText')}</p>
      <div className="reflow">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sync.field')}</th>
              <th scope="col">{t('sync.mine')}</th>
              <th scope="col">{t('sync.theirs')}</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((f) => (
              <tr key={f}>
                <th scope="row">{fieldLabel(t, parseItem(block.item)?.kind ?? '', f)}</th>
                <td data-label={t('sync.mine')}>{cell(mine, f)}</td>
                <td data-label={t('sync.theirs')}>{cell(theirs, f)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="wb-actions">
        <button type="button" onClick={onKeepMine}>
          {t('sync.keepMine')}
        </button>{' '}
        <button type="button" onClick={onTakeTheirs}>
          {t('sync.takeTheirs')}
        </button>
      </p>
    </section>
  );
}

export function ConflictPanel({
  blocked,
  onKeepMine,
  onTakeTheirs,
}: {
  blocked: readonly Blocked[];
  onKeepMine: (item: string) => void;
  onTakeTheirs: (item: string) => void;
}) {
  if (blocked.length === 0) return null;
  return (
    <div role="alert" className="wb-conflicts">
      {blocked.map((block) => (
        <BlockedItem
          key={block.item}
          block={block}
          onKeepMine={() => onKeepMine(block.item)}
          onTakeTheirs={() => onTakeTheirs(block.item)}
        />
      ))}
    </div>
  );
}
