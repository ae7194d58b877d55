import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { binaries, EmbeddedUnavailable } from "@/lib/db/embedded";

describe("embedded PostgreSQL binaries", () => {
  it("finds pg_ctl and initdb in this platform's npm package", async () => {
    const bin = await binaries();
    expect(existsSync(bin.pg_ctl)).toBe(true);
    expect(existsSync(bin.initdb)).toBe(true);
  });

  it("names DATABASE_URL as the way out on a platform without a binary package", async () => {
    const attempt = binaries("aix-ppc64");
    await expect(attempt).rejects.toBeInstanceOf(EmbeddedUnavailable);
    await expect(attempt).rejects.toThrow(
      /No embedded PostgreSQL is available for aix-ppc64.*DATABASE_URL/,
    );
  });
});
