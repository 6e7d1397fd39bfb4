/**
 * A seeded stream of uniform 32-bit words in the shape of `crypto.getRandomValues`, for
 * simulations and tests of randomized response: the same seed gives the same classes, so every
 * statistical test is deterministic. Predictable by design, so never a pupil's source: the
 * browser uses `crypto.getRandomValues`. Not exported from the module's index.
 *
 * The generator is xoshiro128** (Blackman and Vigna), its 128-bit state filled from the seed
 * by splitmix32, as its authors recommend.
 */

/** splitmix32: spreads one 32-bit seed over a stream of well-mixed words. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
}

const rotl = (x: number, k: number): number => ((x << k) | (x >>> (32 - k))) >>> 0;

/**
 * Fills each array it is given with words from xoshiro128** seeded with `seed`, and returns it.
 *
 * @param seed any number; its low 32 bits are used.
 */
export function seededRandomValues(seed: number): (array: Uint32Array) => Uint32Array {
  const next = splitmix32(seed);
  let [s0, s1, s2, s3] = [next(), next(), next(), next()];
  const word = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 = (s2 ^ s0) >>> 0;
    s3 = (s3 ^ s1) >>> 0;
    s1 = (s1 ^ s2) >>> 0;
    s0 = (s0 ^ s3) >>> 0;
    s2 = (s2 ^ t) >>> 0;
    s3 = rotl(s3, 11);
    return result;
  };
  return (array) => {
    for (let i = 0; i < array.length; i++) array[i] = word();
    return array;
  };
}
