import './teacher-round.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { NamespaceGate } from '../../components/NamespaceGate.tsx';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { createSession } from '../../data/classroom-client.ts';
import { useClassroomService } from '../../data/use-classroom-service.ts';
import { MIN_SUBMISSIONS } from '../../domain/classroom/randomized-estimate.ts';
import { localized } from '../../i18n/localized.ts';
import { teacherKeys } from '../../state/teacher-keys.ts';
import { problemOf, type TeacherProblem } from './errors.ts';

/** /klass/ny: a teacher starts a round with the compass of this site. */
export function NewRoundPage() {
  return (
    <NamespaceGate namespace="teacher">
      <NewRound />
    </NamespaceGate>
  );
}

function NewRound() {
  const paths = usePaths();
  const { t, i18n } = useTranslation('teacher');
  const compass = useCompass();
  const navigate = useNavigate();
  const service = useClassroomService();
  const [starting, setStarting] = useState(false);
  const [problem, setProblem] = useState<TeacherProblem | null>(null);
  const [persistent] = useState(() => teacherKeys.persistent());

  const start = async () => {
    if (starting) return;
    setStarting(true);
    setProblem(null);
    const outcome = await createSession(compass.id);
    if (!outcome.ok) {
      setStarting(false);
      setProblem(problemOf(outcome.error));
      return;
    }
    const { code, teacherKey, expiresAt } = outcome.body;
    teacherKeys.put({ code, key: teacherKey, expiresAt });
    void navigate(paths.classroomTeacher(code));
  };

  return (
    <div className="teacher">
      <h1>{t('new.title')}</h1>
      <p className="lead">{t('new.intro')}</p>
      <h2>{t('new.compassTitle')}</h2>
      <p>{t('new.compassOnly')}</p>
      <p className="compass-name">
        <strong>{localized(compass.title, i18n.language)}</strong>{' '}
        {t('new.compassFacts', {
          count: compass.statements.length,
          parties: compass.parties.length,
        })}
      </p>
      <h2>{t('new.whatTitle')}</h2>
      <ul className="facts">
        <li>{t('new.what1')}</li>
        <li>{t('new.what2')}</li>
      </ul>
      <h2>{t('new.privacyTitle')}</h2>
      <ul className="facts">
        <li>{t('new.privacy1')}</li>
        <li>{t('new.privacy2')}</li>
        <li>{t('new.privacyMin', { min: MIN_SUBMISSIONS })}</li>
        <li>{t('new.privacy3')}</li>
      </ul>
      {service === 'checking' && <p role="status">{t('new.checking')}</p>}
      {service === 'absent' && (
        <div className="notice" role="status">
          <p>{t('new.absent')}</p>
          <p>{t('new.absentQuiz')}</p>
          <p>
            <Link to={paths.home}>{t('new.toQuiz')}</Link>
          </p>
        </div>
      )}
      {service === 'present' && (
        <>
          {!persistent && <p className="notice">{t('new.notPersistent')}</p>}
          {problem && (
            <p role="alert" className="problem">
              {t(`errors.${problem}`, { code: '' })}
            </p>
          )}
          <p className="actions">
            <button
              type="button"
              className="primary"
              aria-disabled={starting}
              onClick={() => void start()}
            >
              {starting ? t('new.starting') : t('new.start')}
            </button>
          </p>
        </>
      )}
    </div>
  );
}
