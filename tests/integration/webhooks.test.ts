import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Webhook } from "standardwebhooks";
import type { UserActor } from "@/lib/auth/policy";
import { db, transaction } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { emitEvent } from "@/lib/server/events";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { createWebhook, deleteWebhook, listDeliveries, retryDelivery } from "@/lib/server/webhooks";
import { eventually, startReceiver, type Receiver } from "../support/http-receiver";
import { makeArticle, makeUser, publishArticle } from "./factories";
import { snapshotEnv } from "../support/env-snapshot";

// Signed outbound webhooks against real local receivers, delivered by the real job queue
// (graphile-worker) running in this process. GALLEY_WEBHOOK_ALLOW_PRIVATE=1 lets the queue
// reach 127.0.0.1, as the issue says tests do; the SSRF tests turn it off.

const restoreEnv = snapshotEnv(["GALLEY_WEBHOOK_ALLOW_PRIVATE", "GALLEY_JOB_RETRY_SCALE"]);
let admin: UserActor;
let editor: UserActor;
const receivers: Receiver[] = [];
const webhookIds: string[] = [];

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

async function hook(url: string, events: Parameters<typeof createWebhook>[0]["events"]) {
  const created = await createWebhook({ url, events, description: "test" }, admin);
  webhookIds.push(created.id);
  return created;
}

function setEnv(vars: Record<string, string | undefined>) {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetEnvCache();
}

beforeAll(async () => {
  setEnv({ GALLEY_WEBHOOK_ALLOW_PRIVATE: "1", GALLEY_JOB_RETRY_SCALE: "0.0005" });
  admin = await makeUser("ADMIN");
  editor = await makeUser("EDITOR");
  await startJobQueue();
});

afterAll(async () => {
  await stopJobQueue();
  for (const id of webhookIds) await deleteWebhook(id, admin).catch(() => {});
  for (const r of receivers) await r.close();
  restoreEnv();
  resetEnvCache();
});

describe("signed webhooks", () => {
  it("delivers correction.published, with the full public text and the disclosure, signed per Standard Webhooks", async () => {
    const rx = await receiver();
    const created = await hook(`${rx.url}/cms`, ["correction.published"]);
    expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const article = await makeArticle(editor);
    await publishArticle(article.id, editor);
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is the corrected first paragraph." }],
      actor: editor,
    });
    for (const to of ["APPROVED", "PUBLISHED"] as const) {
      await changeStatus({
        articleId: article.id,
        to,
        note: to === "PUBLISHED" ? "Fixed a mistranslated verb" : undefined,
        override: { reason: "test" },
        actor: editor,
      });
    }

    const got = await rx.waitFor((r) => r.body.includes(article.id));
    // Throws unless the signature over id.timestamp.body is right for this secret.
    const verified = new Webhook(created.secret).verify(got.body, {
      "webhook-id": String(got.headers["webhook-id"]),
      "webhook-timestamp": String(got.headers["webhook-timestamp"]),
      "webhook-signature": String(got.headers["webhook-signature"]),
    }) as { type: string; timestamp: string; data: Record<string, unknown> };
    expect(got.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(got.headers["webhook-id"]).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(verified.type).toBe("correction.published");
    expect(verified.data).toMatchObject({
      articleId: article.id,
      revision: 2,
      previousRevision: 1,
      note: "Fixed a mistranslated verb",
      title: "A title",
      disclosure: { state: "corrected", note: "Fixed a mistranslated verb" },
    });
    expect(verified.data.segments).toEqual([
      { index: 0, kind: "TITLE", text: "A title" },
      { index: 1, kind: "PARAGRAPH", text: "This is the corrected first paragraph." },
      { index: 2, kind: "PARAGRAPH", text: "This is the second paragraph." },
      { index: 3, kind: "PARAGRAPH", text: "This is the third paragraph." },
    ]);

    // A signature made with another secret does not verify.
    const other = await hook(`${rx.url}/other`, ["feedback.received"]);
    expect(() =>
      new Webhook(other.secret).verify(got.body, {
        "webhook-id": String(got.headers["webhook-id"]),
        "webhook-timestamp": String(got.headers["webhook-timestamp"]),
        "webhook-signature": String(got.headers["webhook-signature"]),
      }),
    ).toThrow();
  });

  it("retries a receiver that answers 500, and the delivery log shows each attempt", async () => {
    const rx = await receiver((_r, n) => ({ status: n === 1 ? 500 : 204 }));
    const created = await hook(rx.url, ["article.ingested"]);
    const article = await makeArticle(editor);

    const deliveries = await eventually(
      () => listDeliveries(created.id),
      (d) => d.some((x) => x.status === "SUCCEEDED"),
    );
    const delivery = deliveries.find((d) => d.status === "SUCCEEDED")!;
    expect(delivery.eventType).toBe("article.ingested");
    expect(delivery.attempts).toBe(2);
    expect(delivery.log.map((a) => [a.attempt, a.statusCode, a.manual])).toEqual([
      [1, 500, false],
      [2, 204, false],
    ]);
    expect(delivery.log[0]!.error).toContain("500");
    expect(delivery.log[1]!.error).toBeNull();
    expect(rx.received).toHaveLength(2);
    // The same message both times: same webhook-id and body, so receivers can deduplicate.
    expect(rx.received[0]!.headers["webhook-id"]).toBe(rx.received[1]!.headers["webhook-id"]);
    expect(rx.received[0]!.body).toBe(rx.received[1]!.body);
    expect(JSON.parse(rx.received[1]!.body).data.articleId).toBe(article.id);

    // An admin's replay: one more attempt, marked manual.
    await retryDelivery(created.id, delivery.id, admin);
    const replayed = await eventually(
      async () => (await listDeliveries(created.id)).find((d) => d.id === delivery.id)!,
      (d) => d.log.length === 3,
    );
    expect(replayed.log[2]).toMatchObject({ attempt: 3, statusCode: 204, manual: true });
    expect(replayed.status).toBe("SUCCEEDED");
    await deleteWebhook(created.id, admin);
  });

  it("does not follow a redirect", async () => {
    const target = await receiver();
    const rx = await receiver(() => ({
      status: 302,
      headers: { location: `${target.url}/elsewhere` },
    }));
    const created = await hook(rx.url, ["article.ingested"]);
    await makeArticle(editor);
    const [delivery] = await eventually(
      () => listDeliveries(created.id),
      (d) => d.length === 1 && d[0]!.log.length >= 1,
    );
    expect(delivery!.log[0]!.statusCode).toBe(302);
    expect(delivery!.log[0]!.error).toContain("redirects are not followed");
    expect(delivery!.status).toBe("RETRYING");
    expect(target.received).toHaveLength(0);
    await deleteWebhook(created.id, admin);
  });

  it("adds deliveries in the event's transaction: a rolled-back event sends nothing", async () => {
    const rx = await receiver();
    const created = await hook(rx.url, ["article.ingested"]);
    const article = await makeArticle(editor);
    await rx.waitFor((r) => r.body.includes(article.id));

    const marker = `rolled-back-${Date.now()}`;
    await expect(
      transaction(async (tx) => {
        await emitEvent(tx, "article.ingested", {
          articleId: article.id,
          data: { articleId: article.id, marker },
        });
        throw new Error("the write failed after the event");
      }),
    ).rejects.toThrow("the write failed");
    const rows = await db().webhookDelivery.count({ where: { body: { contains: marker } } });
    expect(rows).toBe(0);
    const jobs = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs j
      JOIN "WebhookDelivery" d ON d."id" = j.payload->>'deliveryId'
      WHERE d."body" LIKE ${`%${marker}%`}`;
    expect(Number(jobs[0]!.n)).toBe(0);

    // The same call committed is delivered.
    await transaction((tx) =>
      emitEvent(tx, "article.ingested", { articleId: article.id, data: { marker } }),
    );
    await rx.waitFor((r) => r.body.includes(marker));
    await deleteWebhook(created.id, admin);
  });
});

describe("outbound requests are refused for private addresses", () => {
  it("refuses loopback, private and link-local URLs at creation without GALLEY_WEBHOOK_ALLOW_PRIVATE", async () => {
    setEnv({ GALLEY_WEBHOOK_ALLOW_PRIVATE: undefined });
    try {
      for (const url of [
        "http://127.0.0.1:9/x",
        "http://localhost:9/x",
        "http://10.1.2.3/x",
        "http://192.168.0.10/x",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]:9/x",
        "http://[::ffff:127.0.0.1]/x",
        "ftp://example.com/x",
        "http://user:pw@example.com/x",
      ]) {
        await expect(
          createWebhook({ url, events: ["article.ingested"] }, admin),
        ).rejects.toMatchObject({
          status: 400,
        });
      }
    } finally {
      setEnv({ GALLEY_WEBHOOK_ALLOW_PRIVATE: "1" });
    }
  });

  it("checks again when sending: neither a name resolving to loopback nor a loopback IP is connected to", async () => {
    const rx = await receiver();
    // Created while allowed (as if the name resolved elsewhere then), sent while not.
    const byName = await hook(`http://localhost:${rx.port}/by-name`, ["article.ingested"]);
    const byIp = await hook(`http://127.0.0.1:${rx.port}/by-ip`, ["article.ingested"]);
    setEnv({ GALLEY_WEBHOOK_ALLOW_PRIVATE: undefined });
    try {
      await makeArticle(editor);
      const firstAttempt = async (id: string) =>
        (
          await eventually(
            () => listDeliveries(id),
            (d) => d.length === 1 && d[0]!.log.length >= 1,
          )
        )[0]!.log[0]!;
      const named = await firstAttempt(byName.id);
      expect(named.statusCode).toBeNull();
      expect(named.error).toMatch(/localhost resolves to (127\.0\.0\.1|::1), which is a private/);
      const literal = await firstAttempt(byIp.id);
      expect(literal.statusCode).toBeNull();
      expect(literal.error).toBe("127.0.0.1 is a private, loopback or reserved address");
      expect(rx.received).toHaveLength(0);
    } finally {
      setEnv({ GALLEY_WEBHOOK_ALLOW_PRIVATE: "1" });
      await deleteWebhook(byName.id, admin);
      await deleteWebhook(byIp.id, admin);
    }
  });
});
