import { useEffect, useId, useRef, useState } from 'react';
import type { ProgrammeBody } from '../../../domain/workbench/api.ts';
import { sha256Hex } from '../../../domain/workbench/programme-text.ts';
import type { ProgrammeKind } from '../programme-import/extract-text.ts';
import { importProgramme } from '../programme-import/import-programme.ts';
import type { ImportWarning } from '../programme-import/types.ts';
import { useWt } from '../ui/use-wt.ts';
import { BoilerplateList } from './BoilerplateList.tsx';

const kindOf = (file: File): ProgrammeKind =>
  /\.pdf$/i.test(file.name) || file.type === 'application/pdf'
    ? 'pdf'
    : /\.html?$/i.test(file.name) || file.type === 'text/html'
      ? 'html'
      : 'text';

/** The SHA-256 of a text, worked out in the browser (Web Crypto) as the service does. */
function useSha(text: string | undefined) {
  const [sha, setSha] = useState<{ text: string; sha: string } | null>(null);
  useEffect(() => {
    if (text === undefined) return;
    let live = true;
    void sha256Hex(text).then((value) => live && setSha({ text, sha: value }));
    return () => {
      live = false;
    };
  }, [text]);
  return sha && sha.text === text ? sha.sha : null;
}

/**
 * A party's programme: pasted or read from a file with `importProgramme` (normalized as the bank
 * keeps its copies), shown with its SHA-256; passages that are not programme content are marked
 * by selecting them in the text.
 */
export function ProgrammeEditor({
  party,
  programme,
  onSave,
}: {
  party: string;
  programme: ProgrammeBody | undefined;
  onSave: (body: ProgrammeBody) => void;
}) {
  const { t } = useWt();
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<readonly ImportWarning[]>([]);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const sha = useSha(programme?.text);

  const use = async (source: string | ArrayBuffer, kind: ProgrammeKind) => {
    setNote(t('programme.reading'));
    try {
      const imported = await importProgramme(source, kind);
      setWarnings(imported.warnings);
      setNote(null);
      // Passages marked before that the new text still has stay marked.
      const kept = programme?.boilerplate.filter((b) => imported.text.includes(b)) ?? [];
      if (imported.text !== '') onSave({ text: imported.text, boilerplate: kept });
    } catch {
      setNote(t('programme.readFailed'));
    }
  };
  const mark = () => {
    const area = textRef.current;
    const text = area?.value.slice(area.selectionStart, area.selectionEnd).trim() ?? '';
    if (!programme || text === '') return setNote(t('programme.selectFirst'));
    setNote(null);
    if (!programme.boilerplate.includes(text))
      onSave({ ...programme, boilerplate: [...programme.boilerplate, text] });
  };

  return (
    <section className="wb-programme" aria-labelledby={`${id}-h`}>
      <h4 id={`${id}-h`}>{t('programme.heading')}</h4>
      <div className="wb-field">
        <label htmlFor={`${id}-paste`}>{t('programme.paste')}</label>
        <textarea
          id={`${id}-paste`}
          rows={4}
          value={pasted}
          onChange={(e) => setPasted(e.target.value)}
        />
        <button
          type="button"
          disabled={pasted.trim() === ''}
          onClick={() => void use(pasted, 'text')}
        >
          {t('programme.usePasted')}
        </button>
      </div>
      <div className="wb-field">
        <label htmlFor={`${id}-file`}>{t('programme.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".pdf,.html,.htm,.txt,application/pdf,text/html,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            if (file) void file.arrayBuffer().then((bytes) => use(bytes, kindOf(file)));
          }}
        />
      </div>
      <p role="status">{note}</p>
      {warnings.length > 0 && (
        <ul className="wb-issues">
          {warnings.map((w) => (
            <li key={w.code}>
              {t(`programme.warnings.${w.code}`, {
                pages: 'pages' in w ? w.pages.join(', ') : '',
                count: 'count' in w ? w.count : 0,
              })}
            </li>
          ))}
        </ul>
      )}
      {programme ? (
        <>
          <div className="wb-field">
            <label htmlFor={`wb-programme-${party}-text`}>{t('programme.stored')}</label>
            <p id={`${id}-sha`} className="wb-hint wb-sha">
              {sha && t('programme.sha', { sha })}
            </p>
            <p id={`${id}-help`} className="wb-hint">
              {t('programme.boilerplateHelp')}
            </p>
            <textarea
              id={`wb-programme-${party}-text`}
              ref={textRef}
              readOnly
              rows={10}
              value={programme.text}
              lang="sv"
              aria-describedby={`${id}-sha ${id}-help`}
            />
            <button type="button" onClick={mark}>
              {t('programme.markBoilerplate')}
            </button>
          </div>
          <BoilerplateList programme={programme} onSave={onSave} />
        </>
      ) : (
        <p>{t('programme.none')}</p>
      )}
    </section>
  );
}
