import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { submitFeedback } from "@/lib/server/feedback-intake";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { eventually, startReceiver, type Receiver } from "../support/http-receiver";
import { makeArticle, makeUser, publishArticle } from "./factories";
import { snapshotEnv } from "../support/env-snapshot";

// Chat notifications (issue 17 item 5): an outlet's incoming-webhook URL gets Slack-format
// POSTs from the job queue for new reader feedback, changes requested and corrections.

const restoreEnv = snapshotEnv(["GALLEY_WEBHOOK_ALLOW_PRIVATE", "NEXTAUTH_URL"]);
let editor: UserActor;
let rx: Receiver;
const uid = () => randomBytes(4).toString("hex");

beforeAll(async () => {
  process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "1";
  process.env.NEXTAUTH_URL = "https://galley.news.test/";
  resetEnvCache();
  editor = await makeUser("EDITOR");
  rx = await startReceiver();
  await startJobQueue();
});

afterAll(async () => {
  await stopJobQueue();
  await rx.close();
  restoreEnv();
  resetEnvCache();
});

async function chatOutlet(url: string, chatEvents: string[]) {
  const name = `Chat Outlet ${uid()}`;
  await db().outlet.create({ data: { name, chatWebhookUrl: url, chatEvents } });
  return name;
}

describe("chat notifications", () => {
  it("posts new reader feedback, changes requested and a published correction in Slack format", async () => {
    const outlet = await chatOutlet(`${rx.url}/services/T000/B000/XXXX`, [
      "feedback.received",
      "changes_requested",
      "correction.published",
    ]);
    const title = `Budget <vote> & ${uid()}`;
    const article = await makeArticle(editor, { outlet, title: { source: "제목", mt: title } });
    await publishArticle(article.id, editor);

    const ipHash = uid() + uid();
    await submitFeedback(
      { articleId: article.id, category: "NAME_OR_TERM", comment: "Wrong name" },
      { actor: { type: "ANONYMOUS", ipHash }, ipHash },
    );
    const feedback = await rx.waitFor((r) => r.body.includes("New reader feedback"));
    expect(feedback.method).toBe("POST");
    expect(feedback.path).toBe("/services/T000/B000/XXXX");
    expect(feedback.headers["content-type"]).toBe("application/json");
    const message = JSON.parse(feedback.body) as { text: string };
    // Slack mrkdwn: a link is <url|label>; the title's <, > and & are escaped.
    const escaped = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    expect(message.text).toBe(
      `:speech_balloon: New reader feedback (Wrong name or term) on ` +
        `<https://galley.news.test/articles/${article.id}|“${escaped}”> — ` +
        `<https://galley.news.test/feedback?status=NEW|triage it>`,
    );

    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "A corrected paragraph." }],
      actor: editor,
    });
    await changeStatus({
      articleId: article.id,
      to: "CHANGES_REQUESTED",
      note: "Check the minister's name",
      actor: editor,
    });
    const changes = await rx.waitFor((r) => r.body.includes("Changes requested"));
    expect(JSON.parse(changes.body).text).toContain("Check the minister's name");

    for (const to of ["IN_REVIEW", "APPROVED", "PUBLISHED"] as const) {
      await changeStatus({
        articleId: article.id,
        to,
        note: to === "PUBLISHED" ? "Corrected the minister's name" : undefined,
        override: { reason: "test" },
        actor: editor,
      });
    }
    const correction = await rx.waitFor((r) => r.body.includes("Correction published"));
    expect(JSON.parse(correction.body).text).toBe(
      `:memo: Correction published on <https://galley.news.test/read/${
        (await db().article.findUniqueOrThrow({ where: { id: article.id } })).slug
      }|“${escaped}”>: Corrected the minister's name`,
    );
  });

  it("sends only the events the outlet chose, and refuses a loopback URL without GALLEY_WEBHOOK_ALLOW_PRIVATE", async () => {
    const quiet = await chatOutlet(`${rx.url}/quiet`, ["correction.published"]);
    const article = await makeArticle(editor, { outlet: quiet });
    await publishArticle(article.id, editor);
    const ipHash = uid() + uid();
    await submitFeedback(
      { articleId: article.id, category: "OTHER", comment: "Not for chat" },
      { actor: { type: "ANONYMOUS", ipHash }, ipHash },
    );
    const jobs = await db().$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM graphile_worker._private_jobs j
      WHERE j.payload->>'articleId' = ${article.id}`;
    expect(Number(jobs[0]!.n)).toBe(0);

    process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "";
    resetEnvCache();
    try {
      const blocked = await chatOutlet(`http://localhost:${rx.port}/blocked`, [
        "feedback.received",
      ]);
      const other = await makeArticle(editor, { outlet: blocked });
      await publishArticle(other.id, editor);
      const hash = uid() + uid();
      await submitFeedback(
        { articleId: other.id, category: "OTHER", comment: "Blocked" },
        { actor: { type: "ANONYMOUS", ipHash: hash }, ipHash: hash },
      );
      // The job ran and failed with the refusal; the receiver was never reached.
      const [failed] = await eventually(
        () => db().$queryRaw<{ last_error: string | null }[]>`
          SELECT last_error FROM graphile_worker._private_jobs
          WHERE payload->>'articleId' = ${other.id}`,
        (rows) => Boolean(rows[0]?.last_error),
      );
      expect(failed!.last_error).toMatch(
        /localhost resolves to (127\.0\.0\.1|::1), which is a private/,
      );
      expect(rx.received.filter((r) => r.path === "/blocked")).toHaveLength(0);
    } finally {
      process.env.GALLEY_WEBHOOK_ALLOW_PRIVATE = "1";
      resetEnvCache();
    }
  });
});
