// A percentile bootstrap confidence interval for a mean: resample the values with replacement,
// take each resample's mean, read the band off the sorted means. The random source is passed in
// so tests (and anyone who wants a reproducible dashboard) can seed it.

/** Deterministic 32-bit generator (mulberry32): the same seed gives the same numbers. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Fewer points than this and a band would only pretend to know. */
export const MIN_BOOTSTRAP_POINTS = 5;

export function bootstrapMeanInterval(
  values: readonly number[],
  opts: { random: () => number; resamples?: number; confidence?: number },
): { low: number; high: number } | null {
  const n = values.length;
  if (n < MIN_BOOTSTRAP_POINTS) return null;
  const resamples = opts.resamples ?? 1000;
  const confidence = opts.confidence ?? 0.95;
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += values[Math.floor(opts.random() * n)]!;
    means[r] = total / n;
  }
  means.sort();
  const tail = (1 - confidence) / 2;
  const at = (q: number) => means[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return { low: round(at(tail)), high: round(at(1 - tail)) };
}

function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}
