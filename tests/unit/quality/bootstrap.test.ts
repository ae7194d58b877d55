import { describe, expect, it } from "vitest";
import { bootstrapMeanInterval, seededRandom } from "@/lib/quality/bootstrap";

describe("bootstrap confidence band", () => {
  const values = [0.1, 0.12, 0.3, 0.05, 0.2, 0.18, 0.09, 0.25];
  const mean = values.reduce((s, v) => s + v, 0) / values.length;

  it("is reproducible with a seed and brackets the mean", () => {
    const a = bootstrapMeanInterval(values, { random: seededRandom(42) });
    const b = bootstrapMeanInterval(values, { random: seededRandom(42) });
    expect(a).toEqual(b);
    expect(a!.low).toBeLessThan(mean);
    expect(a!.high).toBeGreaterThan(mean);
    expect(a!.low).toBeGreaterThanOrEqual(Math.min(...values));
    expect(a!.high).toBeLessThanOrEqual(Math.max(...values));
  });

  it("narrows as the sample grows", () => {
    const many = Array.from({ length: 200 }, (_, i) => values[i % values.length]!);
    const small = bootstrapMeanInterval(values, { random: seededRandom(7) })!;
    const large = bootstrapMeanInterval(many, { random: seededRandom(7) })!;
    expect(large.high - large.low).toBeLessThan((small.high - small.low) / 2);
  });

  it("is a point when every value is the same, and absent below five points", () => {
    expect(bootstrapMeanInterval([0.2, 0.2, 0.2, 0.2, 0.2], { random: seededRandom(1) })).toEqual({
      low: 0.2,
      high: 0.2,
    });
    expect(bootstrapMeanInterval([0.1, 0.2, 0.3, 0.4], { random: seededRandom(1) })).toBeNull();
  });
});
