import {
  type KindShares,
  type MethodFigures,
  PERTURBATIONS,
  type RankingShares,
} from '../domain/method/figures.ts';
import { resource } from './resource.ts';

export type { MethodFigures };
const isRankingShares = (x: unknown): x is RankingShares =>
  typeof x === 'object' &&
  x !== null &&
  Number.isInteger((x as RankingShares).voters) &&
  (x as RankingShares).voters > 0 &&
  typeof (x as RankingShares).allRanked === 'number';

const isShares = (x: unknown): x is KindShares =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as KindShares).random === 'number' &&
  typeof (x as KindShares).partyLike === 'number';

/** Reads the figures defensively: anything unexpected gives null, and the page shows text without them. */
export function readMethodFigures(data: unknown): MethodFigures | null {
  if (typeof data !== 'object' || data === null) return null;
  const { agreement, robustness, ranking } = data as Record<string, unknown>;
  if (typeof robustness !== 'object' || robustness === null) return null;
  const r = robustness as Record<string, unknown>;
  const changed = r.changed as Record<string, unknown> | undefined;
  if (
    typeof r.perKind !== 'number' ||
    typeof r.modelFirst !== 'number' ||
    !changed ||
    !PERTURBATIONS.every((k) => isShares(changed[k]))
  )
    return null;
  const a = agreement as Record<string, unknown> | null;
  const agreementOk =
    a !== null &&
    typeof a === 'object' &&
    ['cells', 'samePosition', 'kappa', 'disagreements'].every((k) => typeof a[k] === 'number');
  const rk = ranking as Record<string, unknown> | null | undefined;
  const rankingOk =
    typeof rk === 'object' &&
    rk !== null &&
    isRankingShares(rk.everything) &&
    isRankingShares(rk.tenthSkipped);
  return {
    ranking: rankingOk ? (rk as unknown as MethodFigures['ranking']) : null,
    agreement: agreementOk ? (a as unknown as MethodFigures['agreement']) : null,
    robustness: robustness as MethodFigures['robustness'],
  };
}

export async function loadMethodFigures(
  compassId: string,
  fetchJson: typeof fetch = fetch,
): Promise<MethodFigures | null> {
  try {
    const response = await fetchJson(
      `${import.meta.env.BASE_URL}data/${encodeURIComponent(compassId)}-method.json`,
    );
    return response.ok ? readMethodFigures(await response.json()) : null;
  } catch {
    return null;
  }
}

/** Each compass's method figures, fetched once per page (read with `use()`). */
export const methodFigures = resource<MethodFigures | null>((id) => loadMethodFigures(id));
