// Triage of reader feedback: accept, reject, duplicate, spam; each audited.
import "server-only";
import type { UserActor } from "@/lib/auth/policy";
import { Prisma, transaction, type Tx } from "@/lib/db";
import { FEEDBACK_LIMITS, type FeedbackStatus, type TriageStatus } from "@/lib/domain/feedback";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { appendAudit } from "./audit";
import { emitEvent, emitEvents } from "./events";
import { enqueueDeclinedReaderEmails } from "./reader-email";
import { getFeedback, type FeedbackItem } from "./feedback-queries";

interface LockedFeedback {
  id: string;
  articleId: string;
  status: FeedbackStatus;
  duplicateOfId: string | null;
  resolvingRevision: number | null;
  triageNote: string | null;
}

async function lockFeedback(tx: Tx, ids: string[]): Promise<LockedFeedback[]> {
  if (ids.length === 0) return [];
  return tx.$queryRaw<LockedFeedback[]>`
    SELECT "id", "articleId", "status", "duplicateOfId", "resolvingRevision", "triageNote"
    FROM "Feedback" WHERE "id" IN (${Prisma.join(ids)})
    ORDER BY "id" FOR UPDATE`;
}

/** An item accepted through a saved revision is settled: its revision points at it. */
function assertOpenForTriage(item: LockedFeedback): void {
  if (item.status === "ACCEPTED" && item.resolvingRevision !== null) {
    throw conflict(
      `This feedback was resolved by revision ${item.resolvingRevision} and can no longer be re-triaged`,
      { status: item.status, resolvingRevision: item.resolvingRevision },
    );
  }
}

/** Follows duplicate links to the original, so duplicates never form chains or cycles. */
async function resolveOriginal(tx: Tx, item: LockedFeedback, targetId: string): Promise<string> {
  let current = targetId;
  for (let hops = 0; hops < 20; hops++) {
    if (current === item.id) throw badRequest("An item cannot be a duplicate of itself");
    const target = await tx.feedback.findUnique({
      where: { id: current },
      select: { id: true, articleId: true, status: true, duplicateOfId: true },
    });
    if (!target) throw badRequest(`No feedback item ${current} to mark this as a duplicate of`);
    if (target.articleId !== item.articleId) {
      throw badRequest("A duplicate must point to feedback on the same article");
    }
    if (target.status !== "DUPLICATE" || !target.duplicateOfId) return target.id;
    current = target.duplicateOfId;
  }
  throw badRequest("The duplicate chain is too long");
}

export interface TriageInput {
  id: string;
  status: TriageStatus;
  /** Required for REJECTED; kept as the triage note otherwise. */
  reason?: string;
  duplicateOf?: string;
  actor: UserActor;
  requestId?: string;
}

/**
 * Moves one item to ACCEPTED, REJECTED (with a reason), DUPLICATE (of another
 * item on the same article) or SPAM. Repeating the current state is a no-op.
 */
export async function triageFeedback(input: TriageInput): Promise<FeedbackItem> {
  const reason = input.reason?.trim() || undefined;
  if (input.status === "REJECTED" && !reason) throw badRequest("Give a reason for rejecting");
  if (input.status === "DUPLICATE" && !input.duplicateOf) {
    throw badRequest("Say which item this duplicates (duplicateOf)");
  }
  if (reason && reason.length > FEEDBACK_LIMITS.reason) {
    throw badRequest(`The reason exceeds ${FEEDBACK_LIMITS.reason} characters`);
  }
  await transaction(async (tx) => {
    const [item] = await lockFeedback(tx, [input.id]);
    if (!item) throw notFound("Feedback");
    const duplicateOfId =
      input.status === "DUPLICATE" ? await resolveOriginal(tx, item, input.duplicateOf!) : null;
    const note = reason ?? null;
    if (
      item.status === input.status &&
      item.duplicateOfId === duplicateOfId &&
      item.triageNote === note
    ) {
      return;
    }
    assertOpenForTriage(item);
    await tx.feedback.update({
      where: { id: item.id },
      data: {
        status: input.status,
        duplicateOfId,
        triageNote: note,
        triagedById: input.actor.userId,
        triagedAt: new Date(),
      },
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "feedback.triage",
      entityType: "feedback",
      entityId: item.id,
      data: {
        articleId: item.articleId,
        from: item.status,
        to: input.status,
        reason,
        duplicateOf: duplicateOfId ?? undefined,
      },
      requestId: input.requestId,
    });
    await emitEvent(tx, "feedback.triaged", {
      articleId: item.articleId,
      data: {
        feedbackId: item.id,
        articleId: item.articleId,
        from: item.status,
        to: input.status,
        duplicateOf: duplicateOfId,
      },
    });
    if (input.status === "REJECTED") await enqueueDeclinedReaderEmails(tx, [item.id]);
  });
  return getFeedback(input.id);
}

export const BULK_TRIAGE_MAX = 200;

export type BulkTriageStatus = "ACCEPTED" | "REJECTED" | "SPAM";

/**
 * Accepts, rejects (with a reason) or marks as spam many items in one transaction, with one audit
 * event per item (so each item's history reads the same as a single triage; each names the bulk
 * reason). Items already in that status, resolved by a revision, or unknown are skipped and
 * reported back.
 */
export async function bulkTriageFeedback(input: {
  ids: string[];
  status: BulkTriageStatus;
  reason?: string;
  actor: UserActor;
  requestId?: string;
}): Promise<{ updated: string[]; skipped: string[] }> {
  const ids = [...new Set(input.ids)];
  const reason = input.reason?.trim() || undefined;
  if (ids.length === 0) throw badRequest("Select at least one item");
  if (ids.length > BULK_TRIAGE_MAX) {
    throw badRequest(`At most ${BULK_TRIAGE_MAX} items at a time`);
  }
  if (input.status === "REJECTED" && !reason) throw badRequest("Give a reason for rejecting");
  if (reason && reason.length > FEEDBACK_LIMITS.reason) {
    throw badRequest(`The reason exceeds ${FEEDBACK_LIMITS.reason} characters`);
  }
  return transaction(async (tx) => {
    const rows = await lockFeedback(tx, ids);
    const eligible = rows.filter(
      (r) =>
        r.status !== input.status && !(r.status === "ACCEPTED" && r.resolvingRevision !== null),
    );
    const updated = new Set(eligible.map((r) => r.id));
    const skipped = ids.filter((id) => !updated.has(id));
    if (eligible.length === 0) return { updated: [], skipped };
    await tx.feedback.updateMany({
      where: { id: { in: [...updated] } },
      data: {
        status: input.status,
        duplicateOfId: null,
        triageNote: reason ?? null,
        triagedById: input.actor.userId,
        triagedAt: new Date(),
      },
    });
    for (const r of eligible) {
      await appendAudit(tx, {
        actor: input.actor,
        action: "feedback.triage",
        entityType: "feedback",
        entityId: r.id,
        data: { articleId: r.articleId, from: r.status, to: input.status, reason, bulk: true },
        requestId: input.requestId,
      });
    }
    await emitEvents(
      tx,
      "feedback.triaged",
      eligible.map((r) => ({
        articleId: r.articleId,
        data: { feedbackId: r.id, articleId: r.articleId, from: r.status, to: input.status },
      })),
    );
    if (input.status === "REJECTED") {
      await enqueueDeclinedReaderEmails(
        tx,
        eligible.map((r) => r.id),
      );
    }
    return { updated: eligible.map((r) => r.id), skipped };
  });
}

/** Bulk spam, as before bulk accept and reject existed. */
export async function markFeedbackSpam(input: {
  ids: string[];
  actor: UserActor;
  requestId?: string;
}): Promise<{ updated: string[]; skipped: string[] }> {
  return bulkTriageFeedback({ ...input, status: "SPAM" });
}
