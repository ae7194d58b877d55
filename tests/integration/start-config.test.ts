import { execFile } from "node:child_process";
import { describe, expect, it } from "vitest";

// `npm start` against a real PostgreSQL refuses to run without a session secret,
// naming the variable, before touching the database or building anything.
describe("npm start configuration", () => {
  it("stops with a message naming NEXTAUTH_SECRET when DATABASE_URL is set without it", async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL! };
    delete env.NEXTAUTH_SECRET;
    const res = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
        { env, timeout: 60_000 },
        (err, _stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("NEXTAUTH_SECRET is not set");
  });

  it("stops with a message naming GALLEY_TIME_ZONE when it is not a time zone", async () => {
    const env = { ...process.env, GALLEY_TIME_ZONE: "Mars/Olympus_Mons" };
    const res = await new Promise<{ code: number; stderr: string }>((resolve) => {
      execFile(
        process.execPath,
        ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
        { env, timeout: 60_000 },
        (err, _stdout, stderr) =>
          resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr }),
      );
    });
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("GALLEY_TIME_ZONE");
    expect(res.stderr).toContain("IANA time zone");
  });
});
