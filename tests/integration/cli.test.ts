import { execFile } from "node:child_process";

import { describe, expect, it } from "vitest";
import { actorFromApiToken } from "@/lib/server/api-tokens";
import { makeUser } from "./factories";

const cli = (args: string[], input?: string) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/galley.ts", ...args],
      { env: { ...process.env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    child.stdin?.end(input ?? "");
  });

describe("ops CLI", () => {
  it("token:create prints a working token alone on the last line", async () => {
    const editor = await makeUser("EDITOR");
    const res = await cli(["token:create", "--email", editor.email]);
    expect(res.code, res.stderr).toBe(0);
    const last = res.stdout.trim().split("\n").at(-1)!;
    expect(last).toMatch(/^glly_[\w-]+$/);
    expect(await actorFromApiToken(last)).toMatchObject({ userId: editor.userId, role: "EDITOR" });
  });

  it("user:create takes the password from stdin", async () => {
    const email = `cli-${Date.now()}@test.local`;
    const res = await cli(
      ["user:create", "--email", email, "--role", "REVIEWER"],
      "a-strong-password\n",
    );
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toContain(`created ${email} (REVIEWER)`);
    expect(res.stdout).not.toContain("password:");
  });

  it("exits non-zero with usage on bad arguments", async () => {
    const bad = await cli(["user:create", "--email", "x@y.z", "--role", "KING"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--role must be one of");
    const unknown = await cli(["frobnicate"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown command");
  });

  it("audit:verify reports an intact chain", async () => {
    const res = await cli(["audit:verify"]);
    expect(res.code, res.stderr).toBe(0);
    expect(JSON.parse(res.stdout.trim().split("\n").at(-1)!)).toMatchObject({ ok: true });
  });
});
