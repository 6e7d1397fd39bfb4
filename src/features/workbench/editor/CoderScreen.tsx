import type { WorkspaceView } from '../../../domain/workbench/api.ts';
import { useWt } from '../ui/use-wt.ts';
import { orderedStatements } from './draft-of-view.ts';
import { MountPoint } from './PreviewStep.tsx';

/**
 * A coder's screen: the cells to code (every statement × every party) and how many are done. The
 * coding itself is the CodingView of src/features/workbench/coding, mounted here.
 */
export function CoderScreen({ view }: { view: WorkspaceView }) {
  const { t } = useWt();
  const statements = orderedStatements(view);
  const coded = new Set(view.codings.map((c) => JSON.stringify([c.statement, c.party])));
  const total = statements.length * view.parties.length;
  const done = statements.reduce(
    (n, s) => n + view.parties.filter((p) => coded.has(JSON.stringify([s.id, p.id]))).length,
    0,
  );
  return (
    <section aria-labelledby="wb-coder-heading">
      <h2 id="wb-coder-heading">{t('coder.heading')}</h2>
      {total === 0 ? (
        <p>{t('coder.nothing')}</p>
      ) : (
        <>
          <p>
            <label htmlFor="wb-coder-progress">{t('coder.progress', { done, total })}</label>{' '}
            <progress id="wb-coder-progress" max={total} value={done} />
          </p>
          <ul className="wb-cells">
            {statements.flatMap((s) =>
              view.parties.map((p) => (
                <li key={`${s.id}/${p.id}`}>
                  {t('coder.cell', {
                    statement: s.value.text.sv || s.id,
                    party: p.value.name || p.id,
                  })}
                  {': '}
                  {coded.has(JSON.stringify([s.id, p.id])) ? t('coder.coded') : t('coder.notCoded')}
                </li>
              )),
            )}
          </ul>
        </>
      )}
      <MountPoint name="coding" />
    </section>
  );
}
