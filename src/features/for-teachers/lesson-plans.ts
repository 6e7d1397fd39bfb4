import type strings from '../../i18n/locales/lessons/sv.json';

type Plans = (typeof strings)['plan'];
export type PlanId = keyof Plans;

/** Where a lesson plan links to; the page turns each into a route or a printable. */
export type LessonLink =
  | 'quiz'
  | 'statements'
  | 'method'
  | 'results'
  | 'classroom'
  | 'protect'
  | 'quoteGame'
  | 'arbetsblad'
  | 'citatkort'
  | 'metodovning';

export interface LessonStep {
  /** The step's text: `plan.<id>.steps.<key>` in the `lessons` namespace. */
  readonly key: string;
  readonly minutes: number;
  /**
   * The classroom round on a site without the classroom service: the step then reads
   * `plan.<id>.paper.<key>` (hands or slips of paper) and keeps its minutes.
   */
  readonly paper?: boolean;
}

export interface LessonPlan {
  readonly id: PlanId;
  readonly steps: readonly LessonStep[];
  readonly links: readonly LessonLink[];
}

/** A plan whose step keys are checked against the Swedish strings at compile time. */
const plan = <P extends PlanId>(p: {
  readonly id: P;
  readonly steps: readonly (LessonStep & { readonly key: keyof Plans[P]['steps'] & string })[];
  readonly links: readonly LessonLink[];
}): LessonPlan => p;

/** The four lessons of the teachers' page, 45–60 minutes each (tests check the sums). */
export const LESSON_PLANS: readonly LessonPlan[] = [
  plan({
    id: 'quiz',
    steps: [
      { key: 'intro', minutes: 5 },
      { key: 'quiz', minutes: 15 },
      { key: 'reflect', minutes: 10 },
      { key: 'discuss', minutes: 20 },
      { key: 'exit', minutes: 5 },
    ],
    links: ['quiz', 'statements', 'arbetsblad'],
  }),
  plan({
    id: 'classroom',
    steps: [
      { key: 'intro', minutes: 5 },
      { key: 'coin', minutes: 5 },
      { key: 'answer', minutes: 15, paper: true },
      { key: 'count', minutes: 10, paper: true },
      { key: 'discuss', minutes: 15 },
      { key: 'wrap', minutes: 5 },
    ],
    links: ['protect', 'classroom', 'quiz', 'statements'],
  }),
  plan({
    id: 'quotes',
    steps: [
      { key: 'intro', minutes: 5 },
      { key: 'game', minutes: 15 },
      { key: 'cards', minutes: 15 },
      { key: 'programme', minutes: 10 },
      { key: 'wrap', minutes: 5 },
    ],
    links: ['quoteGame', 'citatkort'],
  }),
  plan({
    id: 'method',
    steps: [
      { key: 'intro', minutes: 5 },
      { key: 'worked', minutes: 15 },
      { key: 'methods', minutes: 15 },
      { key: 'silence', minutes: 15 },
      { key: 'wrap', minutes: 10 },
    ],
    links: ['method', 'metodovning', 'quiz', 'results'],
  }),
];

/** A plan's length in minutes: the sum of its steps. */
export const planMinutes = (p: LessonPlan): number =>
  p.steps.reduce((sum, step) => sum + step.minutes, 0);
