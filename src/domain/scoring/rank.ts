import type { Party } from '../bank/types.ts';

const collator = /* @__PURE__ */ new Intl.Collator('sv');
const orderCache = /* @__PURE__ */ new WeakMap<readonly Party[], ReadonlyMap<string, number>>();

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

/**
 * Ranks by the displayed whole percent: equal percent shares a rank (1, 1, 3 …); ranked parties
 * first, tied ones in Swedish alphabetical order, then unranked ones alphabetically.
 *
 * @param alpha each item's place in `alphabeticalOrder` (distinct, 0 ≤ alpha < span)
 * @param percent each item's whole percent 0..100, or −1 when it is not ranked
 * @returns the display order (item indices) and each item's rank (0 = not ranked). One numeric
 *   key per item, sorted as a typed array: fast enough for 10 000 candidates.
 */
export function rank(
  alpha: Int32Array,
  span: number,
  percent: ArrayLike<number>,
): { readonly order: Int32Array; readonly ranks: Int32Array } {
  const count = alpha.length;
  const itemAt = new Int32Array(span);
  const keys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    itemAt[alpha[i]!] = i;
    const pct = percent[i]!;
    keys[i] = (pct < 0 ? 101 : 100 - pct) * span + alpha[i]!;
  }
  keys.sort();
  const order = new Int32Array(count);
  const ranks = new Int32Array(count);
  let previous = -1;
  let current = 0;
  for (let position = 0; position < count; position++) {
    const key = keys[position]!;
    const index = itemAt[key % span]!;
    order[position] = index;
    const bucket = Math.floor(key / span);
    if (bucket > 100) continue;
    if (bucket !== previous) current = position + 1;
    previous = bucket;
    ranks[index] = current;
  }
  return { order, ranks };
}
