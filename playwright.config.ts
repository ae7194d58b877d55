import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// Debian's chromium (apt-get install chromium): Playwright cannot download its own here.
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(CHROMIUM)) {
  throw new Error(
    `No browser at ${CHROMIUM}. Install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
}
const PORT = Number(process.env.E2E_PORT ?? 3210);
// Recording a trace costs every test CPU (snapshots and screencast), and the browser suite is
// CPU-bound on CI's two cores. A failure still leaves its page snapshot (error-context.md);
// PW_TRACE=retain-on-failure brings traces back for a local investigation.
const TRACE = (process.env.PW_TRACE ?? (process.env.CI ? "off" : "retain-on-failure")) as
  "off" | "retain-on-failure" | "on";
export const BASE_URL = `http://localhost:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  // Spec files run in two workers against one server; each test makes its own articles
  // (fixtures.ts), so files share only the demo users. Tests inside a file keep their order.
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: TRACE,
    launchOptions: {
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: {
    command: "node --import tsx scripts/e2e-server.ts",
    url: `${BASE_URL}/api/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
  },
});
