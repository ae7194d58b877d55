import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, startTcpRelay, type AppServer } from "../support/app-server";
import { getJson, seededDatabase } from "./env";

// PostgreSQL "goes away" (a relay in front of it is cut): requests must answer 503
// quickly with a clear message, the process must survive, and it must recover alone.
describe("database outage", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let relay: Awaited<ReturnType<typeof startTcpRelay>>;
  let app: AppServer;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_outage");
    relay = await startTcpRelay(Number(new URL(db.url).port || 5432));
    const viaRelay = new URL(db.url);
    viaRelay.port = String(relay.port);
    app = await startAppServer({ DATABASE_URL: viaRelay.toString() });
  });

  afterAll(async () => {
    await app?.stop();
    await relay?.close();
    await db?.drop();
  });

  it("answers 503 while PostgreSQL is unreachable and recovers when it returns", async () => {
    const ok = await getJson(`${app.url}/api/v1/articles`, db.token);
    expect(ok.status).toBe(200);

    await relay.cut();
    const started = Date.now();
    const down = await getJson(`${app.url}/api/v1/articles`, db.token);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({
      error: "unavailable",
      message: expect.stringContaining("database"),
    });
    expect(Date.now() - started).toBeLessThan(15_000);
    const health = await getJson(`${app.url}/api/health`, db.token);
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ ok: false });
    const write = await getJson(`${app.url}/api/v1/articles`, db.token, {
      method: "POST",
      body: "{}",
    });
    expect(write.status).toBe(503);

    await relay.restore();
    let recovered = 0;
    for (let i = 0; i < 40 && recovered !== 200; i++) {
      recovered = (await getJson(`${app.url}/api/v1/articles`, db.token)).status;
      if (recovered !== 200) await new Promise((r) => setTimeout(r, 500));
    }
    expect(recovered).toBe(200);
    expect(app.child.exitCode).toBeNull();
  });
});
