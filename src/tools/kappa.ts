export type Category = string;

/**
 * Cohen's kappa for two raters over the same items: (p_o − p_e) / (1 − p_e), where p_o is the
 * observed agreement and p_e the agreement expected by chance from each rater's marginals.
 * Returns 1 when both raters put every item in one and the same category (p_e = 1).
 */
export function cohensKappa(pairs: readonly (readonly [Category, Category])[]): number {
  const n = pairs.length;
  if (n === 0) return Number.NaN;
  const observed = pairs.filter(([x, y]) => x === y).length / n;
  const count = (i: 0 | 1) => {
    const m = new Map<Category, number>();
    for (const pair of pairs) m.set(pair[i], (m.get(pair[i]) ?? 0) + 1);
    return m;
  };
  const left = count(0);
  const right = count(1);
  let expected = 0;
  for (const [category, k] of left) expected += (k / n) * ((right.get(category) ?? 0) / n);
  return expected === 1 ? 1 : (observed - expected) / (1 - expected);
}
