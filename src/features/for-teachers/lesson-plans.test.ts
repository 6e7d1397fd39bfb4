import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/lessons/en.json';
import sv from '../../i18n/locales/lessons/sv.json';
import { LESSON_PLANS, planMinutes } from './lesson-plans.ts';

describe('the lesson plans', () => {
  it('are three or four, each 45–60 minutes, the steps adding up', () => {
    expect(LESSON_PLANS.length).toBeGreaterThanOrEqual(3);
    expect(LESSON_PLANS.length).toBeLessThanOrEqual(4);
    for (const plan of LESSON_PLANS) {
      const sum = plan.steps.map((s) => s.minutes).reduce((a, b) => a + b, 0);
      expect(planMinutes(plan), plan.id).toBe(sum);
      expect(sum, plan.id).toBeGreaterThanOrEqual(45);
      expect(sum, plan.id).toBeLessThanOrEqual(60);
      for (const step of plan.steps) expect(step.minutes).toBeGreaterThan(0);
    }
  });

  it('have a text for every step, and only for steps, in Swedish and English', () => {
    for (const strings of [sv, en])
      for (const plan of LESSON_PLANS) {
        const texts = strings.plan[plan.id] as {
          steps: Record<string, string>;
          paper?: Record<string, string>;
        };
        expect(Object.keys(texts.steps)).toEqual(plan.steps.map((s) => s.key));
        const paper = plan.steps.filter((s) => s.paper).map((s) => s.key);
        expect(Object.keys(texts.paper ?? {})).toEqual(paper);
      }
  });

  it('cover the quiz, the classroom round, the quote game and the method', () => {
    expect(LESSON_PLANS.map((p) => p.id)).toEqual(['quiz', 'classroom', 'quotes', 'method']);
    const links = (id: string) => LESSON_PLANS.find((p) => p.id === id)!.links;
    expect(links('classroom')).toContain('classroom');
    expect(links('quotes')).toEqual(expect.arrayContaining(['quoteGame', 'citatkort']));
    expect(links('method')).toEqual(expect.arrayContaining(['method', 'metodovning']));
  });
});
