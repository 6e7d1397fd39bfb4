import type { PartyBody } from '../../../domain/workbench/api.ts';
import type { DraftIssue } from '../../../domain/workbench/draft.ts';
import { Field } from '../ui/Field.tsx';
import { useWt } from '../ui/use-wt.ts';
import { contrastBetween, isHexColour, readable, TEXT_COLOUR } from './contrast.ts';
import { fieldDomId, issuesAt } from './issues.ts';

function Contrast({ colour }: { colour: string }) {
  const { t, i18n } = useWt();
  if (!isHexColour(colour)) return null;
  const line = (key: 'party.contrastWhite' | 'party.contrastText', ratio: number) => (
    <>
      {t(key, { ratio: ratio.toLocaleString(i18n.language, { maximumFractionDigits: 1 }) })}{' '}
      {readable(ratio) ? t('party.contrastOk') : t('party.contrastLow')}
    </>
  );
  return (
    <span className="wb-contrast">
      <span className="wb-swatch" style={{ background: colour }} aria-hidden="true" />{' '}
      {line('party.contrastWhite', contrastBetween(colour, '#ffffff'))}
      <br />
      {line('party.contrastText', contrastBetween(colour, TEXT_COLOUR))}
    </span>
  );
}

/** A party's own fields (PartyBody); its programme is edited beside it. */
export function PartyForm({
  id,
  party,
  issues,
  onSave,
}: {
  id: string;
  party: PartyBody;
  issues: readonly DraftIssue[];
  onSave: (party: PartyBody) => void;
}) {
  const { t } = useWt();
  const set = (patch: Partial<PartyBody>) => onSave({ ...party, ...patch });
  const field = (name: string) => ({
    id: fieldDomId(`party-${id}`, name),
    issues: issuesAt(issues, { party: id }, name),
  });
  return (
    <div className="wb-form">
      <Field
        {...field('name')}
        label={t('party.name')}
        value={party.name}
        onChange={(name) => set({ name })}
      />
      <Field
        {...field('short')}
        label={t('party.short')}
        value={party.short}
        onChange={(short) => set({ short })}
      />
      <Field
        {...field('colour')}
        label={t('party.colour')}
        hint={t('party.colourHint')}
        value={party.colour}
        onChange={(colour) => set({ colour })}
        after={<Contrast colour={party.colour} />}
      />
      <Field
        {...field('source.url')}
        type="url"
        label={t('party.sourceUrl')}
        value={party.source.url}
        onChange={(url) => set({ source: { ...party.source, url } })}
      />
      <Field
        {...field('source.date')}
        type="date"
        optional
        label={t('party.sourceDate')}
        value={party.source.date ?? ''}
        onChange={(date) => set({ source: { ...party.source, date: date || undefined } })}
      />
    </div>
  );
}
