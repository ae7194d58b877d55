// When a reader who left an email is to be told what became of their report (issue 17 item 8):
// jobs added in the transaction that decides it. The job (lib/server/jobs/reader-email.ts)
// sends once and erases the address. The job key (one per report) keeps a second decision
// from queueing a second email while the first is pending.
import "server-only";
import type { Tx } from "@/lib/db";
import { JOB_MAX_ATTEMPTS } from "./events";

/**
 * Publishing `revision` makes public the fix of every accepted report on the article whose
 * resolving revision it includes (or that was accepted without one, fixed by a later edit).
 * Called only when the public text changed (a first publication or a correction).
 */
export async function enqueueAcceptedReaderEmails(
  tx: Tx,
  input: { articleId: string; revision: number },
): Promise<void> {
  await tx.$executeRaw`
    SELECT graphile_worker.add_job('reader.email',
      json_build_object('feedbackId', f."id", 'outcome', 'accepted', 'revision', ${input.revision}::int),
      job_key := 'reader-email:' || f."id", max_attempts := ${JOB_MAX_ATTEMPTS})
    FROM "Feedback" f
    WHERE f."articleId" = ${input.articleId} AND f."status" = 'ACCEPTED' AND f."contact" IS NOT NULL
      AND (f."resolvingRevision" IS NULL OR f."resolvingRevision" <= ${input.revision})`;
}

/** Declined reports are told only where their outlet asks for it (Outlet.notifyReaderOnDecline). */
export async function enqueueDeclinedReaderEmails(tx: Tx, feedbackIds: string[]): Promise<void> {
  if (feedbackIds.length === 0) return;
  await tx.$executeRaw`
    SELECT graphile_worker.add_job('reader.email',
      json_build_object('feedbackId', f."id", 'outcome', 'declined'),
      job_key := 'reader-email:' || f."id", max_attempts := ${JOB_MAX_ATTEMPTS})
    FROM "Feedback" f
    JOIN "Article" a ON a."id" = f."articleId"
    JOIN "Outlet" o ON o."name" = a."outlet"
    WHERE f."id" = ANY(${feedbackIds}::text[]) AND f."status" = 'REJECTED'
      AND f."contact" IS NOT NULL AND o."notifyReaderOnDecline"`;
}
