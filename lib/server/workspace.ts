import "server-only";
import { displayTimeZone } from "./time-zone";
import type { UserActor } from "@/lib/auth/policy";
import { can } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { applySuggestion } from "@/lib/domain/apply-suggestion";
import type { ArticleStatus } from "@/lib/domain/types";
import { ASSIGNABLE_ROLES, TRANSITION_PERMISSION, allowedTransitions } from "@/lib/domain/workflow";
import { getArticleMeta, getArticleView } from "./articles";
import { confirmationProgress } from "./confirmations";

export interface FeedbackPrefill {
  feedbackId: string;
  segmentIndex: number;
  text: string;
  applied: boolean;
  note: string;
  suggestion: string;
}

/** Everything the review workspace needs, loaded once on the server. */
export async function loadWorkspace(articleId: string, actor: UserActor, feedbackId?: string) {
  const [view, meta] = await Promise.all([getArticleView(articleId), getArticleMeta(articleId)]);
  const transitions = allowedTransitions(view.status).filter((to) =>
    can(actor, TRANSITION_PERMISSION[to]),
  );
  let prefill: FeedbackPrefill | null = null;
  if (feedbackId) {
    const fb = await db().feedback.findFirst({ where: { id: feedbackId, articleId } });
    const seg =
      fb && fb.segmentIndex !== null
        ? view.segments.find((s) => s.index === fb.segmentIndex)
        : undefined;
    if (
      fb &&
      seg &&
      fb.suggestion &&
      fb.status !== "REJECTED" &&
      fb.status !== "SPAM" &&
      fb.resolvingRevision === null
    ) {
      const res = applySuggestion({
        text: seg.text,
        suggestion: fb.suggestion,
        quote: fb.quote,
        quoteStart: fb.quoteStart,
        quoteEnd: fb.quoteEnd,
      });
      prefill = {
        feedbackId: fb.id,
        segmentIndex: seg.index,
        text: res.text,
        applied: res.applied,
        note: res.applied
          ? "Reader suggestion applied as an unsaved edit; review and save."
          : // Not a failure: the text moved on since the reader wrote; a note, not an error.
            `Note: ${res.reason}; the reader's suggestion is shown for you to apply by hand.`,
        suggestion: fb.suggestion,
      };
    }
  }
  const reviewers = can(actor, "assign:article")
    ? await db().user.findMany({
        where: { disabledAt: null, role: { in: [...ASSIGNABLE_ROLES] } },
        select: { email: true, name: true },
        orderBy: { email: "asc" },
      })
    : [];
  const feedback = await db().feedback.findMany({
    where: { articleId, status: { in: ["NEW", "ACCEPTED"] } },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: {
      id: true,
      segmentIndex: true,
      quote: true,
      category: true,
      comment: true,
      suggestion: true,
      status: true,
      resolvingRevision: true,
      createdAt: true,
    },
  });
  const [progress, request, timeZone] = await Promise.all([
    confirmationProgress(db(), articleId, view.revision),
    // The note of an open request for changes is what the reviewer acts on.
    view.status === "CHANGES_REQUESTED"
      ? db().statusChange.findFirst({
          where: { articleId, to: "CHANGES_REQUESTED" },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
          select: { note: true, createdAt: true, actor: { select: { name: true, email: true } } },
        })
      : null,
    displayTimeZone(actor),
  ]);
  return {
    view,
    /** Every date the workspace shows is in this zone (lib/format-time.ts). */
    timeZone,
    progress: {
      confirmed: progress.confirmed,
      total: progress.total,
      segments: Object.fromEntries(progress.bySegment),
    },
    changesRequested: request
      ? { note: request.note, by: request.actor, at: request.createdAt.toISOString() }
      : null,
    feedback: feedback.map((f) => ({ ...f, createdAt: f.createdAt.toISOString() })),
    meta: {
      publishedRevision: meta.publishedRevision,
      approvedRevision: meta.approvedRevision,
      assignee: meta.assignee?.email ?? null,
      createdAt: meta.createdAt.toISOString(),
      updatedAt: meta.updatedAt.toISOString(),
      url: meta.url,
    },
    transitions: transitions as ArticleStatus[],
    prefill,
    reviewers,
    permissions: {
      edit: can(actor, "edit:revision"),
      annotate: can(actor, "annotate:revision"),
      dismiss: can(actor, "dismiss:qa"),
      assign: can(actor, "assign:article"),
      export: can(actor, "export:article"),
      comment: can(actor, "comment:article"),
    },
    /** Who is looking: the live view leaves this user out of "who else is here". */
    me: { name: actor.name, email: actor.email },
  };
}

export type WorkspaceData = Awaited<ReturnType<typeof loadWorkspace>>;
