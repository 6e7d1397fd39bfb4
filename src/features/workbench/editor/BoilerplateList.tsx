import type { ProgrammeBody } from '../../../domain/workbench/api.ts';
import { useWt } from '../ui/use-wt.ts';

/** The passages marked as not programme content, each with a button that unmarks it. */
export function BoilerplateList({
  programme,
  onSave,
}: {
  programme: ProgrammeBody;
  onSave: (body: ProgrammeBody) => void;
}) {
  const { t } = useWt();
  if (programme.boilerplate.length === 0) return null;
  return (
    <>
      <h5>{t('programme.boilerplateHeading')}</h5>
      <ul>
        {programme.boilerplate.map((text) => (
          <li key={text}>
            <q lang="sv">{text}</q>{' '}
            <button
              type="button"
              onClick={() =>
                onSave({
                  ...programme,
                  boilerplate: programme.boilerplate.filter((b) => b !== text),
                })
              }
            >
              {t('programme.removeBoilerplate', { text })}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}
