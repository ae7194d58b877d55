import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// scripts/e2e-server.ts writes where its database is, so a spec can start a second
// app instance on the same database (tests/e2e/live-presence.spec.ts). Outside
// test-results/, which Playwright empties at the start of a run.
export const e2eServerInfoFile = (port: string) =>
  path.join(os.tmpdir(), `galley-e2e-server-${port}.json`);

export function readE2eServerInfo(port: string): { databaseUrl: string; nextauthSecret: string } {
  return JSON.parse(readFileSync(e2eServerInfoFile(port), "utf8"));
}
