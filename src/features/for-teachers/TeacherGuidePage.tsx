import './for-teachers.css';
import type { ParseKeys, TFunction } from 'i18next';
import { type ReactNode, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { NamespaceGate, useNamespaceLanguage } from '../../components/NamespaceGate.tsx';
import type { Language } from '../../config/languages.ts';
import { type Printable, PRINTABLES, type SitePaths } from '../../config/paths.ts';
import { useCompass } from '../../context/compass-context.tsx';
import { usePaths } from '../../context/scope-context.tsx';
import { useClassroomService } from '../../data/use-classroom-service.ts';
import type { Compass, Position } from '../../domain/bank/types.ts';
import { MIN_SUBMISSIONS } from '../../domain/classroom/randomized-estimate.ts';
import { localized } from '../../i18n/localized.ts';
import {
  type Comparison,
  sensitiveStatements,
  statedCounts,
  type ThemeDiscussion,
  themeDiscussions,
} from './discussion.ts';
import { LESSON_PLANS, type LessonLink, type LessonPlan, planMinutes } from './lesson-plans.ts';

type T = TFunction<'lessons'>;
/** A key built at run time; lesson-plans.ts checks the plans' keys against sv.json at compile time. */
type Key = ParseKeys<'lessons'>;
type Service = ReturnType<typeof useClassroomService>;

/** The page's sections, in order: their ids are the table of contents' in-page links. */
const SECTIONS = {
  about: 'om-kompassen',
  plans: 'lektioner',
  protect: 'sa-skyddas-dina-svar',
  discussion: 'diskussionsfragor',
  sensitive: 'kansliga-amnen',
  material: 'material',
} as const;

const POSITION_KEYS: Record<string, Key> = {
  '1': 'position.agree',
  '0.5': 'position.partlyAgree',
  '0': 'position.neutral',
  '-0.5': 'position.partlyDisagree',
  '-1': 'position.disagree',
};
const positionLabel = (t: T, position: Position) => t(POSITION_KEYS[String(position)]!);

/**
 * /larare: for teachers. What the compass is and where it can mislead, four lesson plans,
 * discussion questions generated from the bank, sensitive topics and the material. Written in
 * Swedish and English; in Arabic the page shows English, marked up as such.
 */
export function TeacherGuidePage() {
  return (
    <NamespaceGate namespace="lessons">
      <Guide />
    </NamespaceGate>
  );
}

function Guide() {
  const lng = useNamespaceLanguage('lessons');
  const { t } = useTranslation('lessons', { lng });
  const compass = useCompass();
  const service = useClassroomService();
  return (
    <div className="teacher-guide" lang={lng} dir="ltr">
      <h1>{t('title')}</h1>
      <p className="lead">{t('lead')}</p>
      <nav aria-label={t('tocLabel')} className="teacher-guide-toc">
        <ol>
          <li>
            <a href={`#${SECTIONS.about}`}>{t('about.title')}</a>
          </li>
          <li>
            <a href={`#${SECTIONS.plans}`}>{t('plans.title')}</a>
            <ol>
              {LESSON_PLANS.map((plan) => (
                <li key={plan.id}>
                  <a href={`#lektion-${plan.id}`}>{t(`plan.${plan.id}.title`)}</a>
                </li>
              ))}
            </ol>
          </li>
          <li>
            <a href={`#${SECTIONS.protect}`}>{t('protect.title')}</a>
          </li>
          <li>
            <a href={`#${SECTIONS.discussion}`}>{t('discussion.title')}</a>
          </li>
          <li>
            <a href={`#${SECTIONS.sensitive}`}>{t('sensitive.title')}</a>
          </li>
          <li>
            <a href={`#${SECTIONS.material}`}>{t('material.title')}</a>
          </li>
        </ol>
      </nav>
      <About t={t} lng={lng} compass={compass} />
      <Plans t={t} service={service} />
      <Protect t={t} />
      <Discussion t={t} lng={lng} compass={compass} />
      <Sensitive t={t} lng={lng} compass={compass} />
      <Material t={t} compass={compass} />
      <p className="hint teacher-guide-print-note">{t('printNote')}</p>
    </div>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="teacher-guide-section">
      {/* The table of contents links to the heading itself. */}
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

function About({ t, lng, compass }: { t: T; lng: Language; compass: Compass }) {
  const paths = usePaths();
  const counts = statedCounts(compass).map((c) => c.stated);
  const total = compass.statements.length;
  return (
    <Section id={SECTIONS.about} title={t('about.title')}>
      <p>
        {t('about.basis', {
          title: localized(compass.title, lng),
          count: compass.parties.length,
        })}
      </p>
      <ul>
        {compass.parties.map((party) => (
          <li key={party.id}>
            <Link to={paths.programme(party.id)}>
              {t('about.party', {
                name: party.name,
                short: party.short,
                municipality: party.municipality,
              })}
            </Link>
          </li>
        ))}
      </ul>
      <p>{t('about.coded')}</p>
      <p>{t('about.silence')}</p>
      <h3>{t('about.notTitle')}</h3>
      <p>{t('about.notIntro')}</p>
      <ul>
        <li>{t('about.few', { count: total })}</li>
        <li>{t('about.choice')}</li>
        <li>{t('about.coding')}</li>
        <li>{t('about.local')}</li>
        {counts.length > 0 && (
          <li>
            {t('about.silent', {
              min: Math.min(...counts),
              max: Math.max(...counts),
              count: total,
            })}
          </li>
        )}
        <li>{t('about.percent')}</li>
      </ul>
      <p>
        <Link to={paths.method}>{t('about.methodLink')}</Link>
      </p>
    </Section>
  );
}

function Plans({ t, service }: { t: T; service: Service }) {
  return (
    <Section id={SECTIONS.plans} title={t('plans.title')}>
      <p>{t('plans.intro')}</p>
      {LESSON_PLANS.map((plan) => (
        <Plan key={plan.id} t={t} plan={plan} service={service} />
      ))}
    </Section>
  );
}

function Plan({ t, plan, service }: { t: T; plan: LessonPlan; service: Service }) {
  const paths = usePaths();
  const needsService = plan.links.includes('classroom');
  // Without the classroom service (or until the site has answered), the round is run by hand.
  const paper = needsService && service !== 'present';
  const links = plan.links.filter((link) => link !== 'classroom' || service === 'present');
  const titleId = `lektion-${plan.id}`;
  return (
    <article className="lesson-plan" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(`plan.${plan.id}.title`)}</h3>
      <p className="lesson-total">{t('plans.total', { minutes: planMinutes(plan) })}</p>
      {needsService && service === 'checking' && <p role="status">{t('plans.checking')}</p>}
      {needsService && service === 'present' && <p className="notice">{t('plans.present')}</p>}
      {needsService && service === 'absent' && (
        <p className="notice" role="status">
          {t('plans.absent')}
        </p>
      )}
      <h4>{t('plans.aim')}</h4>
      <p>{t(`plan.${plan.id}.aim`)}</p>
      <h4>{t('plans.steps')}</h4>
      <ol className="lesson-steps">
        {plan.steps.map((step) => (
          <li key={step.key}>
            <span className="lesson-minutes">{t('plans.minutes', { minutes: step.minutes })}</span>{' '}
            {t(`plan.${plan.id}.${step.paper && paper ? 'paper' : 'steps'}.${step.key}` as Key, {
              min: MIN_SUBMISSIONS,
            })}
          </li>
        ))}
      </ol>
      <h4>{t('plans.material')}</h4>
      <p>{t(`plan.${plan.id}.material`)}</p>
      <h4>{t('plans.links')}</h4>
      <ul>
        {links.map((link) => (
          <li key={link}>
            {link === 'protect' ? (
              <a href={`#${SECTIONS.protect}`}>{linkLabel(t, link)}</a>
            ) : (
              <Link to={linkTarget(paths, link)}>{linkLabel(t, link)}</Link>
            )}
          </li>
        ))}
      </ul>
    </article>
  );
}

const isPrintableLink = (link: LessonLink): link is LessonLink & Printable =>
  (PRINTABLES as readonly string[]).includes(link);

function linkTarget(paths: SitePaths, link: Exclude<LessonLink, 'protect'>): string {
  if (isPrintableLink(link)) return paths.printable(link);
  const routes: Record<Exclude<LessonLink, Printable | 'protect'>, string> = {
    quiz: paths.home,
    statements: paths.statements,
    method: paths.method,
    results: paths.results,
    classroom: paths.classroom,
    quoteGame: paths.quoteGame,
  };
  return routes[link];
}

const linkLabel = (t: T, link: LessonLink) =>
  isPrintableLink(link) ? t(`material.${link}`) : t(`links.${link}`);

/**
 * "Så skyddas dina svar": the coin behind the classroom round's randomized response, written for
 * pupils, to read together before a round (lesson plan 2 starts with it).
 */
function Protect({ t }: { t: T }) {
  return (
    <Section id={SECTIONS.protect} title={t('protect.title')}>
      <p>{t('protect.intro')}</p>
      <h3>{t('protect.groupsTitle')}</h3>
      <p>{t('protect.groups')}</p>
      <h3>{t('protect.coinTitle')}</h3>
      <p>{t('protect.coin')}</p>
      <p>{t('protect.odds')}</p>
      <h3>{t('protect.classTitle')}</h3>
      <p>{t('protect.class', { min: MIN_SUBMISSIONS })}</p>
      <h3>{t('protect.limitsTitle')}</h3>
      <p>{t('protect.limits')}</p>
    </Section>
  );
}

function Discussion({ t, lng, compass }: { t: T; lng: Language; compass: Compass }) {
  const themes = useMemo(() => themeDiscussions(compass), [compass]);
  return (
    <Section id={SECTIONS.discussion} title={t('discussion.title')}>
      <p>{t('discussion.intro')}</p>
      {themes.map((theme) => (
        <ThemeQuestions
          key={theme.theme.id}
          t={t}
          lng={lng}
          discussion={theme}
          total={compass.parties.length}
        />
      ))}
    </Section>
  );
}

function ThemeQuestions({
  t,
  lng,
  discussion,
  total,
}: {
  t: T;
  lng: Language;
  discussion: ThemeDiscussion;
  total: number;
}) {
  const titleId = `tema-${discussion.theme.id}`;
  return (
    <article className="theme-questions" aria-labelledby={titleId}>
      <h3 id={titleId}>{localized(discussion.theme.name, lng)}</h3>
      {discussion.sensitive && (
        <p className="notice">
          {t('discussion.sensitive')}{' '}
          <a href={`#${SECTIONS.sensitive}`}>{t('discussion.sensitiveLink')}</a>
        </p>
      )}
      <ul className="discussion-questions">
        {discussion.questions.map(({ statement, stated }) => (
          <li key={statement.id}>
            <q>{localized(statement.text, lng)}</q> {t('discussion.forAgainst')}{' '}
            <span className="hint">{t('discussion.stated', { stated: stated.length, total })}</span>
          </li>
        ))}
      </ul>
      <h4>{t('discussion.compareTitle')}</h4>
      {discussion.comparison ? (
        <PartyComparison t={t} lng={lng} comparison={discussion.comparison} />
      ) : (
        <p>{t('discussion.noComparison')}</p>
      )}
    </article>
  );
}

function PartyComparison({ t, lng, comparison }: { t: T; lng: Language; comparison: Comparison }) {
  const paths = usePaths();
  const { statement, first, second, steps, silent } = comparison;
  const list = new Intl.ListFormat(lng, { type: 'conjunction' });
  return (
    <div className="party-comparison">
      <p>
        {steps > 0 ? t('discussion.compareApart', { steps }) : t('discussion.compareSame')}{' '}
        <q>{localized(statement.text, lng)}</q>
      </p>
      <p className="hint">{t('discussion.quoteNote')}</p>
      <ul className="comparison-sides">
        {[first, second].map((side) => (
          <li key={side.party.id}>
            <p className="comparison-stance">
              {t('discussion.stance', {
                party: side.party.name,
                position: positionLabel(t, side.position),
              })}
            </p>
            {side.quote !== undefined && (
              <blockquote lang="sv" dir="ltr">
                <p>{side.quote}</p>
              </blockquote>
            )}
            <p>
              <Link to={paths.programme(side.party.id, statement.id)}>
                {t('discussion.toProgramme', { party: side.party.name })}
              </Link>
            </p>
          </li>
        ))}
      </ul>
      {silent.length > 0 && (
        <p>{t('discussion.silent', { parties: list.format(silent.map((p) => p.name)) })}</p>
      )}
      <p>{t('discussion.compareQuestions')}</p>
    </div>
  );
}

function Sensitive({ t, lng, compass }: { t: T; lng: Language; compass: Compass }) {
  const themes = sensitiveStatements(compass);
  return (
    <Section id={SECTIONS.sensitive} title={t('sensitive.title')}>
      {themes.length > 0 ? (
        <>
          <p>{t('sensitive.intro')}</p>
          {themes.map(({ theme, statements }) => (
            <div key={theme.id} className="sensitive-theme">
              <h3>{localized(theme.name, lng)}</h3>
              <ul>
                {statements.map((statement) => (
                  <li key={statement.id}>{localized(statement.text, lng)}</li>
                ))}
              </ul>
            </div>
          ))}
        </>
      ) : (
        <p>{t('sensitive.none')}</p>
      )}
      <h3>{t('sensitive.beforeTitle')}</h3>
      <p>{t('sensitive.before')}</p>
      <h3>{t('sensitive.privateTitle')}</h3>
      <p>{t('sensitive.private', { min: MIN_SUBMISSIONS })}</p>
      <p>
        <strong>{t('sensitive.never')}</strong>
      </p>
      <h3>{t('sensitive.duringTitle')}</h3>
      <p>{t('sensitive.during')}</p>
      <h3>{t('sensitive.helpTitle')}</h3>
      <p>{t('sensitive.help')}</p>
    </Section>
  );
}

function Material({ t, compass }: { t: T; compass: Compass }) {
  const paths = usePaths();
  const data = (extension: 'json' | 'csv') => {
    const file = `${compass.id}.${extension}`;
    return { file, href: `${import.meta.env.BASE_URL}data/${encodeURIComponent(file)}` };
  };
  return (
    <Section id={SECTIONS.material} title={t('material.title')}>
      <h3>{t('material.printablesTitle')}</h3>
      <p>{t('material.printablesIntro')}</p>
      <ul className="material-list">
        {PRINTABLES.map((name) => (
          <li key={name}>
            <Link to={paths.printable(name)}>{t(`material.${name}`)}</Link>:{' '}
            {t(`material.${name}Text`)}
          </li>
        ))}
      </ul>
      <h3>{t('material.moreTitle')}</h3>
      <ul className="material-list">
        <li>
          <Link to={paths.statements}>{t('links.statements')}</Link>: {t('material.statementsText')}
        </li>
        <li>
          <Link to={paths.method}>{t('links.method')}</Link>: {t('material.methodText')}
        </li>
      </ul>
      <h3>{t('material.dataTitle')}</h3>
      <p>{t('material.dataIntro')}</p>
      <ul className="material-list">
        {(['json', 'csv'] as const).map((extension) => {
          const { file, href } = data(extension);
          return (
            <li key={extension}>
              <a href={href}>{t(`material.${extension}`, { file })}</a>
            </li>
          );
        })}
      </ul>
    </Section>
  );
}
