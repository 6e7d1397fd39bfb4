import type { Party } from '../bank/types.ts';

const collator = new Intl.Collator('sv');
const orderCache = new WeakMap<readonly Party[], ReadonlyMap<string, number>>();

/**
 * Each party's place in Swedish alphabetical order of its name (`Intl.Collator('sv')`, id as
 * the last resort): the order of tied parties, never file order. Cached per party list.
 */
export function alphabeticalOrder(parties: readonly Party[]): ReadonlyMap<string, number> {
  const cached = orderCache.get(parties);
  if (cached) return cached;
  const sorted = [...parties].sort(
    (a, b) => collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const order = new Map(sorted.map((p, i) => [p.id, i]));
  orderCache.set(parties, order);
  return order;
}

export interface Rankable {
  readonly party: string;
  /** Whole percent shown; null = cannot tell (never ranked). */
  readonly percent: number | null;
  readonly eligible: boolean;
}

/**
 * Ranks by the displayed whole percent: equal percent shares a rank (1, 1, 3 …); ranked parties
 * first, tied ones in Swedish alphabetical order, then unranked ones alphabetically.
 * Returns the display order (indices into `items`) and each item's rank (null when unranked).
 */
export function rank(
  items: readonly Rankable[],
  order: ReadonlyMap<string, number>,
): { readonly order: number[]; readonly ranks: (number | null)[] } {
  const ranked = (i: number) => items[i]!.eligible && items[i]!.percent !== null;
  const indices = items.map((_, i) => i);
  indices.sort((x, y) => {
    const rx = ranked(x);
    const ry = ranked(y);
    if (rx !== ry) return rx ? -1 : 1;
    if (rx && items[x]!.percent !== items[y]!.percent)
      return items[y]!.percent! - items[x]!.percent!;
    return order.get(items[x]!.party)! - order.get(items[y]!.party)!;
  });
  const ranks: (number | null)[] = items.map(() => null);
  let previous: number | null = null;
  let current = 0;
  indices.forEach((index, position) => {
    if (!ranked(index)) return;
    const percent = items[index]!.percent!;
    if (percent !== previous) current = position + 1;
    previous = percent;
    ranks[index] = current;
  });
  return { order: indices, ranks };
}
