import { execFile } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateLogKeyPair, signTreeHead } from "@/lib/audit/sth";
import { recordAudit } from "@/lib/server/audit";

const cli = (args: string[]) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/galley.ts", ...args],
      { env: { ...process.env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });

// Three CLI runs (tsx loading the app's modules, 20–30 s each on a loaded 2-core machine): the
// timeout catches a hang, not slowness.
describe("audit CLI", { timeout: 300_000 }, () => {
  it("audit:seal seals, audit:verify checks the log and a saved head", async () => {
    await recordAudit({
      actor: { type: "SYSTEM", label: "test" },
      action: "test.cli",
      entityType: "test",
      entityId: "cli",
    });
    const sealed = await cli(["audit:seal"]);
    expect(sealed.code, sealed.stderr).toBe(0);
    const { treeSize } = JSON.parse(sealed.stdout.trim().split("\n").at(-1)!) as {
      treeSize: number;
    };
    expect(treeSize).toBeGreaterThan(0);

    const verified = await cli(["audit:verify"]);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout.trim().split("\n").at(-1)!)).toMatchObject({
      ok: true,
      leaves: treeSize,
    });

    // A head that this log never signed: refused, saying why.
    const dir = await mkdtemp(path.join(os.tmpdir(), "galley-sth-"));
    const file = path.join(dir, "sth.json");
    const forged = signTreeHead(
      { treeSize, rootHash: "0".repeat(64), timestamp: new Date().toISOString() },
      generateLogKeyPair().privateKeyPem,
    );
    await writeFile(file, JSON.stringify(forged));
    const against = await cli(["audit:verify", "--against", file]);
    expect(against.code).toBe(1);
    expect(against.stderr).toContain(
      `saved head at tree size ${treeSize}: signature does not verify with this log's key`,
    );
  });
});
