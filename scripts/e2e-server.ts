// Starts Galley for the Playwright run: a fresh PostgreSQL database (dropped on
// exit), demo data, the production build. Used by playwright.config.ts.
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { createTestDatabase, dropTestDatabase } from "../tests/support/test-db";
import { e2eServerInfoFile } from "../tests/support/e2e-server-info";
import { e2eOidcEnv } from "../tests/support/oidc-e2e-config";
import { TEST_LOG_PRIVATE_KEY } from "../tests/support/log-key";

async function main(): Promise<void> {
  const { name, url } = await createTestDatabase("galley_e2e");
  const port = process.env.E2E_PORT ?? "3210";
  const secret = process.env.NEXTAUTH_SECRET ?? "e2e-secret-not-for-production-0123456789";
  // Specs that start a second app instance on the same database read this (live-presence).
  const infoFile = e2eServerInfoFile(port);
  writeFileSync(infoFile, JSON.stringify({ databaseUrl: url, nextauthSecret: secret }), {
    mode: 0o600,
  });
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "scripts/start.ts"],
    {
      stdio: "inherit",
      env: {
        ...process.env,
        DATABASE_URL: url,
        GALLEY_DEMO: "1",
        NEXTAUTH_SECRET: secret,
        GALLEY_LOG_PRIVATE_KEY: process.env.GALLEY_LOG_PRIVATE_KEY ?? TEST_LOG_PRIVATE_KEY,
        PORT: port,
        NEXT_TELEMETRY_DISABLED: "1",
        // The specs stand in for the newsroom's proxy: they connect over loopback and name
        // distinct readers in X-Forwarded-For. Without a trusted proxy that header is ignored
        // (tests/reliability/client-address.test.ts).
        GALLEY_TRUSTED_PROXIES: process.env.GALLEY_TRUSTED_PROXIES ?? "loopback",
        // The webhook spec's receiver listens on loopback (webhooks-admin.spec.ts).
        GALLEY_WEBHOOK_ALLOW_PRIVATE: "1",
        // "Sign in with SSO" against the provider tests/e2e/sso.spec.ts starts on its port.
        ...e2eOidcEnv(port),
      },
    },
  );
  let dropping = false;
  const cleanup = async () => {
    if (dropping) return;
    dropping = true;
    child.kill("SIGTERM");
    rmSync(infoFile, { force: true });
    await new Promise((r) => setTimeout(r, 500));
    await dropTestDatabase(name).catch((e) =>
      console.error(`could not drop ${name}: ${e.message}`),
    );
    process.exit(0);
  };
  process.on("SIGINT", cleanup);
  process.on("SIGTERM", cleanup);
  child.on("exit", cleanup);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
