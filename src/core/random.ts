/** A small seeded generator (mulberry32): the same seed gives the same schedule. */
export function seeded(seed: number): () => number {
  const state = new Uint32Array([seed >>> 0]);
  return () => nextRandom(state);
}

/**
 * The next number of the generator whose state is `state[0]`, advancing it. A caller that
 * draws a great many keeps one state and sets it again from each seed, rather than making a
 * closure per seed: V8 throws away code optimised for one closure when it meets another.
 */
export function nextRandom(state: Uint32Array): number {
  const a = (state[0]! + 0x6d2b79f5) >>> 0;
  state[0] = a;
  let t = a;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
