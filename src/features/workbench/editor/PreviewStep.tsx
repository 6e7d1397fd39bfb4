import { useWt } from '../ui/use-wt.ts';
import { orderedStatements } from './draft-of-view.ts';
import type { LocalWorkspace } from './local-model.ts';

/** Step 7: the statements as a voter meets them, in order, with their explainers. */
export function PreviewStep({ local }: { local: LocalWorkspace }) {
  const { t } = useWt();
  const statements = orderedStatements(local);
  if (statements.length === 0) return <p>{t('preview.empty')}</p>;
  return (
    <>
      <p>{t('preview.text')}</p>
      <ol className="wb-preview" lang="sv">
        {statements.map(({ id, value }) => (
          <li key={id}>
            <p>
              <strong>{value.text.sv}</strong>
            </p>
            <p>{value.explainer.sv}</p>
            {value.easy && <p className="wb-hint">{value.easy.text}</p>}
          </li>
        ))}
      </ol>
    </>
  );
}
