import type { ApiOutcome } from '../../data/classroom-client.ts';

type Failure = Extract<ApiOutcome<unknown>, { ok: false }>['error'];

/** What went wrong, as the teacher's pages tell it: one sentence each (errors.* in the teacher namespace). */
export type TeacherProblem =
  'network' | 'wrongKey' | 'gone' | 'rateLimited' | 'unknownCompass' | 'unexpected';

/** The sentence for an error from the classroom client. */
export function problemOf(error: Failure): TeacherProblem {
  switch (error) {
    case 'network':
      return 'network';
    case 'missing-teacher-key':
    case 'wrong-teacher-key':
      return 'wrongKey';
    case 'not-found':
    case 'expired':
      return 'gone';
    case 'rate-limited':
    case 'too-many-streams':
      return 'rateLimited';
    case 'unknown-compass':
      return 'unknownCompass';
    default:
      return 'unexpected';
  }
}
