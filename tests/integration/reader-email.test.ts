import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { triageFeedback } from "@/lib/server/feedback-triage";
import { submitFeedback } from "@/lib/server/feedback-intake";
import { startJobQueue, stopJobQueue } from "@/lib/server/jobs/queue";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { eventually } from "../support/http-receiver";
import { makeArticle, makeUser, publishArticle } from "./factories";
import { snapshotEnv } from "../support/env-snapshot";

// Item 8 of issue 17 against a real SMTP server (smtp-server) on a free loopback port: the
// reader who left an address gets one plain-text message, then the address is erased and the
// erasure is in the audit log.

interface Mail {
  to: string[];
  raw: string;
}

const restoreEnv = snapshotEnv(["GALLEY_SMTP_URL", "GALLEY_SMTP_FROM", "NEXTAUTH_URL"]);
const mails: Mail[] = [];
/** Addresses the server refuses once with a temporary error (451), as a busy server would. */
const refuseOnce = new Set<string>();
let refusals = 0;
let smtp: SMTPServer;
let editor: UserActor;

/** The message with quoted-printable soft breaks and escapes undone (RFC 2045). */
function decoded(raw: string): string {
  const joined = raw.replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(joined[i]!, "utf8"));
  }
  return Buffer.from(bytes).toString("utf8");
}

const uid = () => randomBytes(4).toString("hex");
const to = (address: string) => mails.filter((m) => m.to.includes(address));

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onRcptTo(address, _session, done) {
      if (refuseOnce.delete(address.address)) {
        refusals++;
        const busy = Object.assign(new Error("Try again later"), { responseCode: 451 });
        return done(busy);
      }
      done();
    },
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: decoded(Buffer.concat(chunks).toString("utf8")),
        });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  process.env.GALLEY_SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.GALLEY_SMTP_FROM = "Corrections desk <desk@news.test>";
  delete process.env.NEXTAUTH_URL;
  resetEnvCache();
  editor = await makeUser("EDITOR");
  await startJobQueue();
});

afterAll(async () => {
  await stopJobQueue();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  restoreEnv();
  resetEnvCache();
});

async function outletArticle(notifyReaderOnDecline: boolean) {
  const outlet = `Mail Outlet ${uid()}`;
  await db().outlet.create({ data: { name: outlet, notifyReaderOnDecline } });
  const article = await makeArticle(editor, { outlet });
  await publishArticle(article.id, editor);
  return { article, outlet };
}

function report(articleId: string, contact: string) {
  const ipHash = uid() + uid();
  return submitFeedback(
    {
      articleId,
      category: "MISTRANSLATION",
      comment: "The verb is wrong",
      suggestion: "This is the right first paragraph.",
      contact,
    },
    { actor: { type: "ANONYMOUS", ipHash }, ipHash },
  );
}

async function correct(
  articleId: string,
  base: number,
  text: string,
  note: string,
  feedbackId?: string,
) {
  await saveRevision({
    articleId,
    baseRevision: base,
    segments: [{ index: 1, text }],
    feedbackId,
    actor: editor,
  });
  for (const step of ["APPROVED", "PUBLISHED"] as const) {
    await changeStatus({
      articleId,
      to: step,
      note: step === "PUBLISHED" ? note : undefined,
      override: { reason: "test" },
      actor: editor,
    });
  }
}

const contactOf = async (id: string) =>
  (await db().feedback.findUniqueOrThrow({ where: { id }, select: { contact: true } })).contact;

describe("telling the reader what became of their report", () => {
  it("emails once when the accepted report's correction is published, then erases the address (audited)", async () => {
    const { article, outlet } = await outletArticle(false);
    const address = `reader-${uid()}@example.test`;
    const { id } = await report(article.id, address);
    expect(await contactOf(id)).toBe(address);

    await correct(article.id, 1, "This is the right first paragraph.", "Fixed the verb", id);
    await eventually(
      async () => to(address).length,
      (n) => n > 0,
    );
    await eventually(
      () => contactOf(id),
      (c) => c === null,
    );

    const [mail] = to(address);
    expect(mail!.raw).toContain("Subject: Corrected: A title");
    expect(mail!.raw).toContain(`“A title” (${outlet})`);
    expect(mail!.raw).toContain("Fixed the verb");
    expect(mail!.raw).toContain("desk@news.test");
    // No tracking: one plain-text part, no HTML (so no pixel), no link at all without a base URL.
    expect(mail!.raw).toMatch(/Content-Type: text\/plain/i);
    expect(mail!.raw).not.toMatch(/text\/html|<img|https?:\/\//i);

    const erased = await db().auditEvent.findMany({
      where: { action: "feedback.contact_erase", entityId: id },
    });
    expect(erased).toHaveLength(1);
    expect(erased[0]!.data).toMatchObject({
      articleId: article.id,
      outcome: "accepted",
      emailed: true,
    });
    expect(JSON.stringify(erased[0]!.data)).not.toContain(address);

    // A later correction of the same article does not write again: the address is gone.
    await correct(article.id, 2, "A second fix of the first paragraph.", "Another fix");
    await new Promise((r) => setTimeout(r, 2500));
    expect(to(address)).toHaveLength(1);
  });

  it("retries when the SMTP server refuses, and keeps the address until a send succeeds", async () => {
    const { article } = await outletArticle(false);
    const address = `retry-${uid()}@example.test`;
    refuseOnce.add(address);
    const before = refusals;
    const { id } = await report(article.id, address);
    await correct(article.id, 1, "This is the right first paragraph.", "Fixed", id);
    await eventually(
      async () => refusals,
      (n) => n === before + 1,
    );
    expect(await contactOf(id)).toBe(address);
    // graphile-worker's backoff: the second attempt comes e¹ ≈ 2.7 s after the first.
    await eventually(
      async () => to(address).length,
      (n) => n > 0,
      30_000,
    );
    await eventually(
      () => contactOf(id),
      (c) => c === null,
    );
    expect(to(address)).toHaveLength(1);
  });

  it("tells a declined reader only where the outlet asks for it", async () => {
    const asks = await outletArticle(true);
    const declined = `declined-${uid()}@example.test`;
    const first = await report(asks.article.id, declined);
    await triageFeedback({
      id: first.id,
      status: "REJECTED",
      reason: "The translation is right",
      actor: editor,
    });
    await eventually(
      async () => to(declined).length,
      (n) => n > 0,
    );
    await eventually(
      () => contactOf(first.id),
      (c) => c === null,
    );
    expect(to(declined)[0]!.raw).toContain("decided not to change the article");
    expect(to(declined)[0]!.raw).not.toContain("The translation is right");

    const silent = await outletArticle(false);
    const kept = `kept-${uid()}@example.test`;
    const second = await report(silent.article.id, kept);
    await triageFeedback({ id: second.id, status: "REJECTED", reason: "No", actor: editor });
    await new Promise((r) => setTimeout(r, 2500));
    expect(to(kept)).toHaveLength(0);
  });
});
