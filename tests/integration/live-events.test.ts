import { afterAll, describe, expect, it } from "vitest";
import { GET as eventsRoute } from "@/app/api/v1/articles/[id]/events/route";
import { POST as presenceRoute } from "@/app/api/v1/articles/[id]/presence/route";
import { createApiToken } from "@/lib/server/api-tokens";
import { callRoute } from "./api-call";
import { PgListener, db, transaction } from "@/lib/db";
import { databaseUrl } from "@/lib/env";
import { createComment } from "@/lib/server/comments";
import { openArticleStream } from "@/lib/server/live/article-stream";
import {
  MAX_STREAMS_PER_USER,
  focusSegment,
  joinPresence,
  leavePresence,
  listPresence,
} from "@/lib/server/live/presence";
import { LIVE_CHANNEL, publishLive } from "@/lib/server/live/publish";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser } from "./factories";

/** Reads a Server-Sent Events stream into parsed events as they arrive. */
function reader(stream: ReadableStream<Uint8Array>) {
  const events: { event: string; data: Record<string, unknown> }[] = [];
  const r = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let cursor = 0;
  void (async () => {
    for (;;) {
      const { done, value } = await r.read().catch(() => ({ done: true, value: undefined }));
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let cut: number;
      while ((cut = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const event = /^event: (.*)$/m.exec(frame)?.[1];
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (event && data) events.push({ event, data: JSON.parse(data) });
      }
    }
  })();
  const next = async (
    event: string,
    match: (d: Record<string, unknown>) => boolean = () => true,
  ) => {
    const deadline = Date.now() + 5_000;
    while (Date.now() < deadline) {
      // Only events after the last one returned: each wait is for something new.
      const i = events.findIndex((e, j) => j >= cursor && e.event === event && match(e.data));
      if (i >= 0) {
        cursor = i + 1;
        return events[i]!.data;
      }
      await new Promise((res) => setTimeout(res, 20));
    }
    throw new Error(`no ${event} event; got ${events.map((e) => e.event).join(", ")}`);
  };
  return { events, next };
}

const listeners: PgListener[] = [];
afterAll(async () => {
  await Promise.all(listeners.map((l) => l.close()));
});

describe("NOTIFY across instances", () => {
  it("reaches a listener on another connection on commit, and never on rollback", async () => {
    // Two listeners stand for two app instances: separate connections, separate state.
    const a = new PgListener(databaseUrl());
    const b = new PgListener(databaseUrl());
    listeners.push(a, b);
    const gotA: string[] = [];
    const gotB: string[] = [];
    await a.listen(LIVE_CHANNEL, (p) => gotA.push(p));
    await b.listen(LIVE_CHANNEL, (p) => gotB.push(p));
    const articleId = `live-${Date.now()}`;

    await expect(
      transaction(async (tx) => {
        await publishLive(tx, { type: "presence", articleId: `${articleId}-rolled-back` });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await transaction((tx) => publishLive(tx, { type: "presence", articleId }));

    await expect.poll(() => gotB.some((p) => p.includes(articleId)), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => gotA.some((p) => p.includes(articleId)), { timeout: 5_000 }).toBe(true);
    expect([...gotA, ...gotB].filter((p) => p.includes("rolled-back"))).toEqual([]);
    expect(JSON.parse(gotB.find((p) => p.includes(articleId))!)).toEqual({
      type: "presence",
      articleId,
    });
  });
});

describe("the LISTEN connection", () => {
  it("comes back after PostgreSQL drops it, says so, and hears later notices", async () => {
    const name = `galley-live-test-${Date.now()}`;
    const l = new PgListener(databaseUrl(), { retryMs: 50, applicationName: name });
    listeners.push(l);
    const got: string[] = [];
    let resyncs = 0;
    l.onReconnect(() => resyncs++);
    await l.listen(LIVE_CHANNEL, (p) => got.push(p));
    const killed = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = ${name}`;
    expect(Number(killed[0]!.n)).toBe(1);
    await expect.poll(() => resyncs, { timeout: 5_000 }).toBe(1);
    await transaction((tx) => publishLive(tx, { type: "presence", articleId: name }));
    await expect.poll(() => got.some((p) => p.includes(name)), { timeout: 5_000 }).toBe(true);
  });
});

describe("the article event stream", () => {
  it("shows who is here and where, then others' saves, status changes and comments, without text", async () => {
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const a = await makeArticle(editor);
    const stopR = new AbortController();
    const stopE = new AbortController();
    const r = reader(
      await openArticleStream({ articleId: a.id, user: reviewer, signal: stopR.signal }),
    );
    const ready = await r.next("ready");
    expect(ready.connectionId).toEqual(expect.any(String));
    const e = reader(
      await openArticleStream({ articleId: a.id, user: editor, signal: stopE.signal }),
    );
    await e.next("ready");

    const both = (d: Record<string, unknown>) => (d.users as unknown[]).length === 2;
    const seen = (await r.next("presence", both)).users as { email: string }[];
    expect(seen.map((u) => u.email).sort()).toEqual([editor.email, reviewer.email].sort());

    // Focus: only the caller's own row moves.
    expect(await focusSegment({ articleId: a.id, userId: editor.userId, segmentIndex: 2 })).toEqual(
      { updated: 1 },
    );
    const focused = await r.next("presence", (d) =>
      (d.users as { email: string; segmentIndex: number | null }[]).some(
        (u) => u.email === editor.email && u.segmentIndex === 2,
      ),
    );
    expect(
      (focused.users as { email: string; segmentIndex: number | null }[]).find(
        (u) => u.email === reviewer.email,
      )!.segmentIndex,
    ).toBeNull();

    const secret = "Unpublished draft wording 7f3a";
    await saveRevision({
      articleId: a.id,
      baseRevision: 1,
      segments: [{ index: 2, text: secret }],
      actor: editor,
    });
    const revision = await r.next("revision");
    expect(revision).toMatchObject({
      revision: 2,
      segments: [2],
      by: { email: editor.email, name: editor.name },
      status: "IN_REVIEW",
    });
    await changeStatus({
      articleId: a.id,
      to: "SUBMITTED",
      override: { reason: "x" },
      actor: editor,
    });
    expect(await r.next("status")).toMatchObject({ from: "IN_REVIEW", to: "SUBMITTED" });
    const comment = await createComment(
      { articleId: a.id, segmentIndex: 1, body: "Is this right?" },
      editor,
    );
    expect(await r.next("comment")).toMatchObject({
      action: "created",
      commentId: comment.id,
      threadId: comment.id,
      segmentIndex: 1,
    });
    // Notices carry ids and numbers only: the draft and the comment are fetched, not pushed.
    expect(JSON.stringify(r.events)).not.toContain(secret);
    expect(JSON.stringify(r.events)).not.toContain("Is this right?");

    // Leaving removes the row at once and tells the others.
    stopE.abort();
    await r.next("presence", (d) => (d.users as unknown[]).length === 1);
    expect((await listPresence(a.id)).map((p) => p.email)).toEqual([reviewer.email]);
    stopR.abort();
    await expect.poll(async () => (await listPresence(a.id)).length).toBe(0);
  });

  it("drops a crashed instance's streams when their heartbeat stops", async () => {
    const user = await makeUser("REVIEWER");
    const a = await makeArticle(user);
    const connectionId = await joinPresence(a.id, user);
    expect(await listPresence(a.id)).toHaveLength(1);
    // No heartbeat renews the row, as after a crash: once expired it is not listed.
    await db().articlePresence.update({
      where: { connectionId },
      data: { expiresAt: new Date(Date.now() - 1) },
    });
    expect(await listPresence(a.id)).toEqual([]);
  });

  it("limits the streams one user may hold open", async () => {
    const user = await makeUser("VIEWER");
    const a = await makeArticle(await makeUser("EDITOR"));
    const ids: string[] = [];
    for (let i = 0; i < MAX_STREAMS_PER_USER; i++) ids.push(await joinPresence(a.id, user));
    await expect(joinPresence(a.id, user)).rejects.toMatchObject({ status: 429 });
    await expect(
      openArticleStream({ articleId: a.id, user, signal: new AbortController().signal }),
    ).rejects.toMatchObject({ status: 429 });
    await leavePresence(ids[0]!, a.id);
    const again = await joinPresence(a.id, user);
    expect(again).toEqual(expect.any(String));
    await expect(joinPresence("no-such-article", user)).rejects.toMatchObject({ status: 404 });
  });
});

describe("the HTTP routes", () => {
  it("stream text/event-stream to a token holder until maxSeconds, and refuse bad input as JSON", async () => {
    const viewer = await makeUser("VIEWER");
    const token = (await createApiToken({ userId: viewer.userId, name: "live" }, viewer)).token;
    const a = await makeArticle(await makeUser("EDITOR"));
    const url = `/api/v1/articles/${a.id}/events`;

    // Long enough for the first presence snapshot on a loaded machine (the stream's own
    // presence arrives through a NOTIFY round trip after LISTEN is in place).
    const res = await callRoute(eventsRoute, {
      url: `${url}?maxSeconds=4`,
      params: { id: a.id },
      token,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("cache-control")).toContain("no-transform");
    expect(res.headers.get("x-request-id")).toBeTruthy();
    const body = await res.text(); // ends after four seconds
    expect(body).toMatch(/^retry: 3000\n\nevent: ready\ndata: \{"connectionId":"[\w-]+"\}\n\n/);
    expect(body).toContain(`"email":"${viewer.email}"`);
    // The stream's end removed its presence row.
    await expect.poll(async () => (await listPresence(a.id)).length).toBe(0);

    const unknownParam = await callRoute(eventsRoute, {
      url: `${url}?cursor=x`,
      params: { id: a.id },
      token,
    });
    expect(unknownParam.status).toBe(400);
    const tooLong = await callRoute(eventsRoute, {
      url: `${url}?maxSeconds=601`,
      params: { id: a.id },
      token,
    });
    expect(tooLong.status).toBe(400);
    const missing = await callRoute(eventsRoute, {
      url: "/api/v1/articles/nope/events",
      params: { id: "nope" },
      token,
    });
    expect(missing.status).toBe(404);
    const anonymous = await callRoute(eventsRoute, { url, params: { id: a.id } });
    expect(anonymous.status).toBe(401);

    const focus = await callRoute(presenceRoute, {
      url: `/api/v1/articles/${a.id}/presence`,
      params: { id: a.id },
      token,
      method: "POST",
      body: { segmentIndex: 1 },
    });
    expect(focus.status).toBe(200);
    expect(await focus.json()).toEqual({ updated: 0 });
  });
});
