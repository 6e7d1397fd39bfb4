import './join-round.css';
import { type FormEvent, useId, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { useClassroomService } from '../../data/use-classroom-service.ts';
import { formatJoinCode, normaliseJoinCode } from '../../domain/classroom/join-code.ts';
import { MIN_SUBMISSIONS } from '../../domain/classroom/randomized-estimate.ts';
import { useClassRound } from '../../state/class-round.ts';

/**
 * /klass: the way in for pupils (type the class code) and teachers (start a round), with what is
 * sent and who sees what. Where the site has no classroom service, it says so and nothing else.
 */
export function ClassroomPage() {
  return (
    <NamespaceGate namespace="classroom">
      <Entry />
    </NamespaceGate>
  );
}

function Entry() {
  const paths = usePaths();
  const { t } = useTranslation('classroom');
  const service = useClassroomService();
  const round = useClassRound((s) => s.round);
  return (
    <>
      <h1>{t('entry.title')}</h1>
      <p className="lead">{t('entry.intro')}</p>
      {service === 'checking' && <p role="status">{t('entry.checking')}</p>}
      {service === 'absent' && (
        <section aria-labelledby="classroom-absent" className="classroom-section">
          <h2 id="classroom-absent">{t('entry.absentTitle')}</h2>
          <p className="notice" role="status">
            {t('common.absent')}
          </p>
          <p>
            <Link className="button" to={paths.home}>
              {t('common.toQuiz')}
            </Link>
          </p>
        </section>
      )}
      {service === 'present' && (
        <>
          {round && (
            <p className="notice">
              <Trans
                t={t}
                i18nKey="entry.joined"
                values={{ code: formatJoinCode(round.code) }}
                components={{ c: <bdi className="join-code" /> }}
              />{' '}
              <Link to={paths.classroomJoin(round.code)}>{t('entry.toJoined')}</Link>
            </p>
          )}
          <section aria-labelledby="classroom-pupil" className="classroom-section">
            <h2 id="classroom-pupil">{t('entry.pupilTitle')}</h2>
            <CodeForm />
          </section>
          <section aria-labelledby="classroom-teacher" className="classroom-section">
            <h2 id="classroom-teacher">{t('entry.teacherTitle')}</h2>
            <p>{t('entry.teacherText', { min: MIN_SUBMISSIONS })}</p>
            <p>
              <Link className="button" to={paths.classroomNew}>
                {t('entry.teacherLink')}
              </Link>
            </p>
          </section>
          <section aria-labelledby="classroom-privacy" className="classroom-section">
            <h2 id="classroom-privacy">{t('entry.privacyTitle')}</h2>
            <ul>
              <li>{t('entry.privacySend')}</li>
              <li>{t('entry.privacyCounters')}</li>
              <li>{t('entry.privacyTeacher', { min: MIN_SUBMISSIONS })}</li>
            </ul>
          </section>
        </>
      )}
    </>
  );
}

/** "Klasskod": any case, spaces and dashes; a code that cannot be one is reported at the field. */
function CodeForm() {
  const paths = usePaths();
  const { t } = useTranslation('classroom');
  const navigate = useNavigate();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [value, setValue] = useState('');
  const [error, setError] = useState<'codeEmpty' | 'codeInvalid' | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const code = normaliseJoinCode(value);
    if (code !== null) {
      void navigate(paths.classroomJoin(code));
      return;
    }
    setError(value.trim() === '' ? 'codeEmpty' : 'codeInvalid');
    input.current?.focus();
  };
  return (
    <form onSubmit={submit} noValidate>
      <div className="join-code-field">
        <label htmlFor={`${id}-code`}>{t('entry.codeLabel')}</label>
        <p id={`${id}-hint`} className="hint">
          {t('entry.codeHint')}
        </p>
        <input
          ref={input}
          id={`${id}-code`}
          name="code"
          type="text"
          value={value}
          onChange={(e) => {
            setValue(e.target.value);
            if (error) setError(null);
          }}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="go"
          dir="ltr"
          maxLength={64}
          aria-invalid={error !== null}
          aria-describedby={`${id}-error ${id}-hint`}
        />
        <p id={`${id}-error`} className="field-error" role="alert">
          {error ? t(`entry.${error}`) : ''}
        </p>
      </div>
      <p className="actions">
        <button type="submit" className="primary">
          {t('entry.join')}
        </button>
      </p>
    </form>
  );
}
