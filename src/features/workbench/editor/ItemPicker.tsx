import { useId, useState } from 'react';
import { isId } from '../../../config/embed-contract.ts';
import { useWt } from '../ui/use-wt.ts';

/**
 * A step's items (parties, statements) as a list to choose one from, and a small form that adds
 * one by its id (lower-case letters, digits and hyphens, not taken).
 */
export function ItemPicker({
  heading,
  items,
  chosen,
  onChoose,
  addLabel,
  onAdd,
}: {
  heading: string;
  items: readonly { readonly id: string; readonly label: string }[];
  chosen: string | null;
  onChoose: (id: string) => void;
  addLabel: string;
  onAdd: (id: string) => void;
}) {
  const { t } = useWt();
  const formId = useId();
  const [id, setId] = useState('');
  const [problem, setProblem] = useState(false);
  const add = () => {
    const next = id.trim();
    if (!isId(next) || items.some((item) => item.id === next)) return setProblem(true);
    setProblem(false);
    setId('');
    onAdd(next);
  };
  return (
    <div className="wb-picker">
      <h3>{heading}</h3>
      {items.length === 0 ? (
        <p>{t('list.none')}</p>
      ) : (
        <ul className="wb-picker-list">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                aria-current={item.id === chosen ? 'true' : undefined}
                onClick={() => onChoose(item.id)}
              >
                {item.label || item.id}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="wb-add"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor={`${formId}-id`}>{t('list.newId')}</label>
        <input
          id={`${formId}-id`}
          value={id}
          onChange={(e) => setId(e.target.value)}
          aria-invalid={problem || undefined}
          aria-describedby={problem ? `${formId}-problem` : undefined}
        />
        <button type="submit">{addLabel}</button>
        {problem && (
          <p id={`${formId}-problem`} className="wb-issues" role="alert">
            {t('list.idInvalid')}
          </p>
        )}
      </form>
    </div>
  );
}
