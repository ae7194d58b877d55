// The job that tells one reader what became of their report (task "reader.email"), by SMTP
// (GALLEY_SMTP_URL, nodemailer), then erases their address — the erasure and its audit event in
// the transaction that holds the report's row lock while the message is handed to the server.
// Once: a report whose address is gone has been told (or never will be), and a job for it does
// nothing. A send that fails throws, so graphile-worker retries it (JOB_MAX_ATTEMPTS) and the
// address stays until a send succeeds. The one window for a second message is a crash between
// the SMTP server's acceptance and the commit (ADR 013); the Message-ID is fixed per report so
// mail systems can fold such a repeat.
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { transaction } from "@/lib/db";
import { readerEmail, type ReaderOutcome } from "@/lib/domain/reader-email";
import { env } from "@/lib/env";
import { emptyToNull } from "@/lib/text/nullable";
import { appendAudit } from "../audit";
import { segmentTextAtRevision } from "../revision-texts";

export interface ReaderEmailPayload {
  feedbackId: string;
  outcome: ReaderOutcome;
  /** For "accepted": the published revision that carries the fix. */
  revision?: number;
}

let transport: { url: string; transporter: Transporter } | null = null;

function mailer(url: string): Transporter {
  if (transport?.url !== url) {
    transport = {
      url,
      transporter: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 15_000,
      } as Parameters<typeof nodemailer.createTransport>[1]),
    };
  }
  return transport.transporter;
}

export async function sendReaderEmail(payload: ReaderEmailPayload): Promise<void> {
  const { GALLEY_SMTP_URL, GALLEY_SMTP_FROM, NEXTAUTH_URL } = env();
  await transaction(async (tx) => {
    const rows = await tx.$queryRaw<
      { id: string; contact: string | null; status: string; articleId: string }[]
    >`SELECT "id", "contact", "status", "articleId" FROM "Feedback"
      WHERE "id" = ${payload.feedbackId} FOR UPDATE`;
    const item = rows[0];
    if (!item?.contact) return;
    // Re-triaged since the decision: the next decision queues its own email.
    if (item.status !== (payload.outcome === "accepted" ? "ACCEPTED" : "REJECTED")) return;

    let sent = false;
    if (GALLEY_SMTP_URL) {
      const article = await tx.article.findUniqueOrThrow({
        where: { id: item.articleId },
        select: { slug: true, title: true, outlet: true },
      });
      const publication =
        payload.outcome === "accepted" && payload.revision !== undefined
          ? await tx.publication.findFirst({
              where: { articleId: item.articleId, revisionNumber: payload.revision },
              orderBy: { publishedAt: "desc" },
              select: { publishedAt: true, note: true },
            })
          : null;
      const title =
        (payload.revision !== undefined
          ? await segmentTextAtRevision(tx, item.articleId, 0, payload.revision)
          : null) ?? article.title;
      const base = NEXTAUTH_URL?.replace(/\/+$/, "");
      const message = readerEmail({
        outcome: payload.outcome,
        title,
        outlet: emptyToNull(article.outlet),
        correction: publication
          ? { publishedAt: publication.publishedAt.toISOString(), note: publication.note }
          : null,
        articleUrl: base ? `${base}/read/${article.slug}` : null,
      });
      await mailer(GALLEY_SMTP_URL).sendMail({
        from: GALLEY_SMTP_FROM,
        to: item.contact,
        subject: message.subject,
        text: message.text,
        messageId: `<reader-report-${item.id}@galley>`,
      });
      sent = true;
    }
    // Without SMTP the reader cannot be told: the address is not kept for nothing.
    await tx.feedback.update({ where: { id: item.id }, data: { contact: null } });
    await appendAudit(tx, {
      actor: { type: "SYSTEM", label: "reader-email" },
      action: "feedback.contact_erase",
      entityType: "feedback",
      entityId: item.id,
      data: {
        articleId: item.articleId,
        outcome: payload.outcome,
        emailed: sent,
        reason: sent ? "reader told" : "GALLEY_SMTP_URL is not set",
      },
    });
  });
}
