import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as retryRoute } from "@/app/api/v1/webhooks/[id]/deliveries/[deliveryId]/retry/route";
import { GET as deliveriesRoute } from "@/app/api/v1/webhooks/[id]/deliveries/route";
import { DELETE as deleteRoute } from "@/app/api/v1/webhooks/[id]/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/v1/webhooks/route";
import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { createApiToken } from "@/lib/server/api-tokens";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";
import { snapshotEnv } from "../support/env-snapshot";

// The webhook API through its routes (answers checked against the OpenAPI document): admin
// only, the secret in the create answer only, URLs checked at creation.

const restoreEnv = snapshotEnv(["GALLEY_WEBHOOK_ALLOW_PRIVATE"]);
let admin: UserActor;
let adminToken: string;
let editorToken: string;

beforeAll(async () => {
  process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "1";
  resetEnvCache();
  admin = await makeUser("ADMIN");
  const editor = await makeUser("EDITOR");
  adminToken = (await createApiToken({ userId: admin.userId, name: "hooks" }, admin)).token;
  editorToken = (await createApiToken({ userId: editor.userId, name: "hooks" }, editor)).token;
});

afterAll(() => {
  restoreEnv();
  resetEnvCache();
});

const create = (body: unknown, token = adminToken) =>
  callRoute(createRoute, { url: "/api/v1/webhooks", params: {}, token, method: "POST", body });

describe("/api/v1/webhooks", () => {
  it("creates (secret shown once), lists, shows deliveries, retries and deletes, for admins only", async () => {
    const body = {
      url: "http://127.0.0.1:9/hook",
      events: ["article.ingested", "correction.published"],
      description: "CMS",
    };
    expect((await create(body, editorToken)).status).toBe(403);

    const created = await create(body);
    expect(created.status).toBe(201);
    const hook = await created.json();
    expect(hook.secret).toMatch(/^whsec_/);
    const stored = await db().webhook.findUniqueOrThrow({ where: { id: hook.id } });
    expect(stored.secretCiphertext).not.toContain(hook.secret.slice(6));

    const list = await callRoute(listRoute, {
      url: "/api/v1/webhooks",
      params: {},
      token: adminToken,
    });
    const listed = (await list.json()).items.find((h: { id: string }) => h.id === hook.id);
    expect(listed).toMatchObject({ url: body.url, events: body.events, description: "CMS" });
    expect(JSON.stringify(listed)).not.toContain("whsec_");
    const forbidden = await callRoute(listRoute, {
      url: "/api/v1/webhooks",
      params: {},
      token: editorToken,
    });
    expect(forbidden.status).toBe(403);

    await makeArticle(admin);
    const deliveries = await callRoute(deliveriesRoute, {
      url: `/api/v1/webhooks/${hook.id}/deliveries`,
      params: { id: hook.id },
      token: adminToken,
    });
    const [delivery] = (await deliveries.json()).items;
    expect(delivery).toMatchObject({
      eventType: "article.ingested",
      status: "PENDING",
      attempts: 0,
    });

    const retried = await callRoute(retryRoute, {
      url: `/api/v1/webhooks/${hook.id}/deliveries/${delivery.id}/retry`,
      params: { id: hook.id, deliveryId: delivery.id },
      token: adminToken,
      method: "POST",
    });
    expect(retried.status).toBe(202);
    const missing = await callRoute(retryRoute, {
      url: `/api/v1/webhooks/${hook.id}/deliveries/msg_none/retry`,
      params: { id: hook.id, deliveryId: "msg_none" },
      token: adminToken,
      method: "POST",
    });
    expect(missing.status).toBe(404);

    const del = () =>
      callRoute(deleteRoute, {
        url: `/api/v1/webhooks/${hook.id}`,
        params: { id: hook.id },
        token: adminToken,
        method: "DELETE",
      });
    expect((await del()).status).toBe(200);
    expect((await del()).status).toBe(404);
  });

  it("refuses bad URLs and unknown events with 400 naming the problem", async () => {
    const bad = await create({ url: "gopher://x.example/", events: ["article.ingested"] });
    expect(bad.status).toBe(400);
    expect((await bad.json()).message).toContain("must be an http(s) URL");
    const unknown = await create({ url: "https://x.example/", events: ["article.deleted"] });
    expect(unknown.status).toBe(400);

    process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "";
    resetEnvCache();
    try {
      const loopback = await create({ url: "http://127.0.0.1:9/", events: ["article.ingested"] });
      expect(loopback.status).toBe(400);
      expect((await loopback.json()).message).toContain("127.0.0.1");
    } finally {
      process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "1";
      resetEnvCache();
    }
  });
});
