// Order statistics for timing samples. Percentiles use the nearest-rank method:
// the value below which p% of samples fall, always one of the samples.

export interface Summary {
  n: number;
  median: number;
  p95: number;
  p99: number;
  mean: number;
  min: number;
  max: number;
}

export function percentile(samples: number[], p: number): number {
  if (samples.length === 0) throw new Error("percentile of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function median(samples: number[]): number {
  if (samples.length === 0) throw new Error("median of no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function summarize(samples: number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    mean: samples.reduce((a, b) => a + b, 0) / samples.length,
    min: Math.min(...samples),
    max: Math.max(...samples),
  };
}

/** Elapsed milliseconds since `start` (from process.hrtime.bigint()). */
export function msSince(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Times `fn` `n` times after `warmup` untimed runs; returns milliseconds per run. */
export async function timeRuns(
  fn: () => Promise<unknown> | unknown,
  opts: { n: number; warmup: number },
): Promise<number[]> {
  for (let i = 0; i < opts.warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < opts.n; i++) {
    const start = process.hrtime.bigint();
    await fn();
    samples.push(msSince(start));
  }
  return samples;
}

export const ms = (x: number): string => (x >= 100 ? x.toFixed(0) : x.toFixed(x >= 10 ? 1 : 2));
export const ratioText = (x: number): string => `${x < 0.1 ? x.toPrecision(2) : x.toFixed(2)}×`;
