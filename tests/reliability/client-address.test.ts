import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startAppServer, type AppServer } from "../support/app-server";
import { getJson, seededDatabase } from "./env";

// Issue 12, item 4, through the real server: the preload (scripts/peer-address.cjs)
// stamps the socket address, so a client rotating X-Forwarded-For stays one reader
// unless GALLEY_TRUSTED_PROXIES says its peer is a proxy.
describe("client address behind no proxy and behind a trusted one", () => {
  let db: Awaited<ReturnType<typeof seededDatabase>>;
  let direct: AppServer;
  let proxied: AppServer;
  let articleId: string;

  beforeAll(async () => {
    db = await seededDatabase("galley_rel_xff");
    [direct, proxied] = await Promise.all([
      startAppServer({ DATABASE_URL: db.url, GALLEY_FEEDBACK_LIMIT_PER_READER: "10" }),
      startAppServer({
        DATABASE_URL: db.url,
        GALLEY_FEEDBACK_LIMIT_PER_READER: "10",
        GALLEY_TRUSTED_PROXIES: "loopback",
      }),
    ]);
    const list = await getJson(`${direct.url}/api/v1/articles?status=PUBLISHED`, db.token);
    articleId = (list.body.items as { id: string }[])[0]!.id;
  });
  afterAll(async () => {
    await direct?.stop();
    await proxied?.stop();
    await db?.drop();
  });

  async function post(app: AppServer, i: number, headers: Record<string, string>) {
    const res = await fetch(`${app.url}/api/v1/articles/${articleId}/feedback`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ category: "OTHER", comment: `xff ${i}` }),
    });
    return res.status;
  }

  it("ignores a rotating X-Forwarded-For (and a forged peer header) without a configured proxy", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        await post(direct, i, {
          "x-forwarded-for": `10.20.0.${i}`,
          "x-galley-peer": `10.30.0.${i}`,
        }),
      );
    }
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it("takes the right-most untrusted hop when the peer is a trusted proxy", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(await post(proxied, i, { "x-forwarded-for": `10.40.0.${i}` }));
    }
    expect(statuses).toEqual(Array(12).fill(201));
  });
});
