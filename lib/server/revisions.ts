import "server-only";
import type { Actor, UserActor } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/policy";
import { db, readAll, transaction, type Tx } from "@/lib/db";
import type { ArticleStatus } from "@/lib/domain/types";
import { gateBlockers, type Blocker } from "@/lib/domain/gates";
import {
  TRANSITION_PERMISSION,
  allowedTransitions,
  canTransition,
  isGated,
  noteRequired,
  statusAfterEdit,
} from "@/lib/domain/workflow";
import { AppError, badRequest, conflict, notFound, tooLarge } from "@/lib/errors";
import { INGEST_LIMITS } from "@/lib/ingest/schema";
import { countWords } from "@/lib/ingest/identity";
import { diffStats, diffText } from "@/lib/text/diff";
import { appendAudit } from "./audit";
import {
  PUBLICATION_ACTION,
  PUBLICATION_ACTOR_LABEL,
  PUBLICATION_ENTITY,
  publicationEventData,
} from "@/lib/audit/leaf";
import { refreshArticleRisk } from "./risk";
import { confirmationProgress, recordConfirmations } from "./confirmations";
import { livePerson, publishLive } from "./live/publish";
import { notifyStatusChange } from "./notifications";
import { openWork } from "./open-work";
import { lockArticle } from "./articles";
import { moveSlug } from "./article-slug";
import { textsAtRevision } from "./revision-texts";
import { emitCostlyEvent, emitEvent } from "./events";
import { publishedArticleData } from "./event-payloads";
import { enqueueAcceptedReaderEmails } from "./reader-email";

export interface SaveRevisionInput {
  articleId: string;
  baseRevision: number;
  /** `confirmed` marks (true) or unmarks (false) the segment as done; omitted leaves it. */
  segments: { index: number; text: string; confirmed?: boolean }[];
  summary?: string;
  actor: UserActor;
  requestId?: string;
  /** Feedback item this save resolves (becomes ACCEPTED with this revision). */
  feedbackId?: string;
  kind?: "EDIT" | "REVERT" | "IMPORT";
  revertedTo?: number;
}

export type SaveResult = { created: true; revision: number } | { created: false; revision: number };

/**
 * Writes a new revision on top of `baseRevision`. The article row is locked, so
 * concurrent saves serialise: the first wins, later ones with the same base get
 * a 409 carrying the current revision and text, and nothing is written for them.
 * Revision, segment texts, article pointer and audit event commit together.
 */
export async function saveRevision(input: SaveRevisionInput): Promise<SaveResult> {
  const seen = new Set<number>();
  for (const s of input.segments) {
    if (s.text.length > INGEST_LIMITS.maxSegmentChars) {
      throw tooLarge(`Segment ${s.index} exceeds ${INGEST_LIMITS.maxSegmentChars} characters`);
    }
    if (seen.has(s.index)) throw badRequest(`Segment ${s.index} appears twice`);
    seen.add(s.index);
  }
  return transaction(async (tx) => {
    const article = await lockArticle(tx, input.articleId);
    const current = await textsAtRevision(tx, input.articleId, article.currentRevision);
    if (input.baseRevision !== article.currentRevision) {
      // Enough for a three-way merge on the client (base, theirs, mine) and for
      // telling the reviewer who saved in between, and when.
      const [base, latest] = await readAll(tx, [
        () =>
          input.baseRevision >= 1 && input.baseRevision < article.currentRevision
            ? textsAtRevision(tx, input.articleId, input.baseRevision)
            : Promise.resolve(new Map<number, string>()),
        () =>
          tx.revision.findFirst({
            where: { articleId: input.articleId, number: article.currentRevision },
            select: { createdAt: true, author: { select: { name: true, email: true } } },
          }),
      ]);
      throw conflict(
        `Revision ${input.baseRevision} is not the current revision (${article.currentRevision}); someone saved in between`,
        {
          currentRevision: article.currentRevision,
          savedBy: latest?.author ?? null,
          savedAt: latest?.createdAt.toISOString() ?? null,
          segments: input.segments.map((s) => ({
            index: s.index,
            text: current.get(s.index) ?? null,
            base: base.get(s.index) ?? null,
          })),
        },
      );
    }
    for (const s of input.segments) {
      if (!current.has(s.index))
        throw badRequest(`Segment ${s.index} does not exist in this article`);
    }
    const changed = input.segments.filter((s) => current.get(s.index) !== s.text);
    const confirmations = input.segments
      .filter((s) => s.confirmed !== undefined)
      .map((s) => ({ index: s.index, confirmed: s.confirmed! }));
    if (changed.length === 0) {
      if (confirmations.length) {
        await recordConfirmations(tx, {
          articleId: input.articleId,
          revision: article.currentRevision,
          userId: input.actor.userId,
          segments: confirmations,
        });
        await appendAudit(tx, {
          actor: input.actor,
          action: "segment.confirm",
          entityType: "article",
          entityId: input.articleId,
          data: { revision: article.currentRevision, segments: confirmations },
          requestId: input.requestId,
        });
      }
      return { created: false as const, revision: article.currentRevision };
    }

    let wordsAdded = 0;
    let wordsRemoved = 0;
    for (const s of changed) {
      const stats = diffStats(
        diffText(current.get(s.index)!, s.text, article.targetLang),
        article.targetLang,
      );
      wordsAdded += stats.wordsAdded;
      wordsRemoved += stats.wordsRemoved;
    }
    const number = article.currentRevision + 1;
    const status = statusAfterEdit(article.status);
    for (const s of changed) current.set(s.index, s.text);
    const allTexts = [...current.entries()].sort((a, b) => a[0] - b[0]).map(([, t]) => t);

    await tx.revision.create({
      data: {
        articleId: input.articleId,
        number,
        parentNumber: article.currentRevision,
        kind: input.kind ?? "EDIT",
        authorId: input.actor.userId,
        tokenId: input.actor.tokenId,
        summary: input.summary ?? null,
        status,
        revertedTo: input.revertedTo ?? null,
        feedbackId: input.feedbackId ?? null,
        wordsAdded,
        wordsRemoved,
        segmentsChanged: changed.length,
      },
    });
    await tx.segmentText.createMany({
      data: changed.map((s) => ({
        articleId: input.articleId,
        segmentIndex: s.index,
        revisionNumber: number,
        text: s.text,
      })),
    });
    await tx.article.update({
      where: { id: input.articleId },
      data: {
        currentRevision: number,
        status,
        updatedAt: new Date(),
        title: current.get(0) ?? undefined,
        searchText: allTexts.join("\n"),
        wordCount: countWords(allTexts),
      },
    });
    if (article.status !== status) {
      // An edit after submission or approval sends the article back to review; the
      // timeline shows that move like any other.
      await tx.statusChange.create({
        data: {
          articleId: input.articleId,
          from: article.status,
          to: status,
          revision: number,
          actorId: input.actor.userId,
        },
      });
    }
    if (confirmations.length) {
      await recordConfirmations(tx, {
        articleId: input.articleId,
        revision: number,
        userId: input.actor.userId,
        segments: confirmations,
      });
    }
    if (input.feedbackId) {
      const fb = await tx.feedback.findFirst({
        where: { id: input.feedbackId, articleId: input.articleId },
      });
      if (!fb) throw badRequest("The linked feedback item does not belong to this article");
      if (fb.status !== "ACCEPTED") {
        await emitEvent(tx, "feedback.triaged", {
          articleId: input.articleId,
          data: {
            feedbackId: fb.id,
            articleId: input.articleId,
            from: fb.status,
            to: "ACCEPTED",
            resolvingRevision: number,
          },
        });
      }
      await tx.feedback.update({
        where: { id: fb.id },
        data: {
          status: "ACCEPTED",
          resolvingRevision: number,
          triagedById: input.actor.userId,
          triagedAt: new Date(),
        },
      });
    }
    await refreshArticleRisk(tx, input.articleId);
    await emitEvent(tx, "revision.saved", {
      articleId: input.articleId,
      data: {
        articleId: input.articleId,
        revision: number,
        parentRevision: article.currentRevision,
        kind: input.kind ?? "EDIT",
        segments: changed.map((s) => s.index),
        summary: input.summary ?? null,
        status,
        feedbackId: input.feedbackId ?? null,
        by: input.actor.name,
      },
    });
    if (article.status !== status) {
      await emitEvent(tx, "article.status_changed", {
        articleId: input.articleId,
        data: {
          articleId: input.articleId,
          from: article.status,
          to: status,
          revision: number,
          note: null,
          by: input.actor.name,
        },
      });
    }
    await publishLive(tx, {
      type: "revision",
      articleId: input.articleId,
      revision: number,
      kind: input.kind ?? "EDIT",
      by: livePerson(input.actor),
      segments: changed.map((s) => s.index),
      status,
      at: new Date().toISOString(),
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: input.kind === "REVERT" ? "revision.revert" : "revision.create",
      entityType: "article",
      entityId: input.articleId,
      data: {
        from: article.currentRevision,
        to: number,
        segments: changed.map((s) => s.index),
        confirmed: confirmations.length ? confirmations : undefined,
        revertedTo: input.revertedTo,
        feedbackId: input.feedbackId,
        summary: input.summary,
        status: article.status !== status ? { from: article.status, to: status } : undefined,
      },
      requestId: input.requestId,
    });
    return { created: true as const, revision: number };
  });
}

/** Restores revision `to` as a new revision; same conflict rule as any save. */
export async function revertArticle(input: {
  articleId: string;
  to: number;
  baseRevision: number;
  reason: string;
  actor: UserActor;
  requestId?: string;
}): Promise<SaveResult> {
  const article = await db().article.findUnique({
    where: { id: input.articleId },
    select: { currentRevision: true },
  });
  if (!article) throw notFound("Article");
  if (input.to < 1 || input.to > article.currentRevision)
    throw badRequest(`Revision ${input.to} does not exist`);
  const target = await textsAtRevision(db(), input.articleId, input.to);
  return saveRevision({
    articleId: input.articleId,
    baseRevision: input.baseRevision,
    segments: [...target.entries()].map(([index, text]) => ({ index, text })),
    summary: `Reverted to revision ${input.to}: ${input.reason}`,
    actor: input.actor,
    requestId: input.requestId,
    kind: "REVERT",
    revertedTo: input.to,
  });
}

/**
 * Moves an article through the workflow. Illegal transitions get a 409 naming
 * the allowed ones; each target status needs its own permission. Approving and
 * publishing pass a gate: open severe annotations, QA warnings, untriaged reader
 * reports or unresolved comments answer 409 `gate` with the blockers, unless an
 * editor overrides with a reason. Submitting needs every segment confirmed, or a
 * reason. The change, its note, any override, the notifications it causes and
 * the audit event commit together.
 */
export async function changeStatus(input: {
  articleId: string;
  to: ArticleStatus;
  note?: string;
  override?: { reason: string };
  /** Only with PUBLISHED: the slug to publish under (the old one answers 308 to it). */
  slug?: string;
  actor: Actor;
  requestId?: string;
}) {
  const user = requirePermission(input.actor, TRANSITION_PERMISSION[input.to]);
  if (input.slug !== undefined && input.to !== "PUBLISHED") {
    throw badRequest("A slug is chosen on publish only", {
      issues: [{ path: "slug", message: "is only allowed with to: PUBLISHED" }],
    });
  }
  const note = input.note?.trim() || undefined;
  if (noteRequired(input.to) && !note) {
    throw badRequest("A note is required: it tells the reviewer what to change", {
      issues: [{ path: "note", message: "is required when requesting changes" }],
    });
  }
  return transaction(async (tx) => {
    const article = await lockArticle(tx, input.articleId);
    if (!canTransition(article.status, input.to)) {
      throw conflict(`Cannot move an article from ${article.status} to ${input.to}`, {
        status: article.status,
        allowed: allowedTransitions(article.status),
      });
    }
    const blockers = await blockersFor(tx, input.articleId, input.to, article.currentRevision);
    if (blockers.length && !input.override) {
      throw new AppError(
        "gate",
        `Cannot move to ${input.to} while work is open: ${blockers.map((b) => b.detail).join("; ")}. ` +
          `Resolve it, or pass with { "override": { "reason": "…" } }.`,
        { blockers },
      );
    }
    const override =
      blockers.length && input.override ? { reason: input.override.reason, blockers } : null;
    const data: {
      status: ArticleStatus;
      updatedAt: Date;
      approvedRevision?: number;
      publishedRevision?: number;
    } = {
      status: input.to,
      updatedAt: new Date(),
    };
    if (input.to === "APPROVED") data.approvedRevision = article.currentRevision;
    let publication: { id: string; revision: number; publishedAt: Date } | undefined;
    if (input.to === "PUBLISHED") {
      const revision = article.approvedRevision ?? article.currentRevision;
      data.publishedRevision = revision;
      const publishedAt = new Date();
      publication = {
        revision,
        publishedAt,
        ...(await tx.publication.create({
          data: {
            articleId: input.articleId,
            revisionNumber: revision,
            note: note ?? null,
            publishedById: user.userId,
            publishedAt,
          },
          select: { id: true },
        })),
      };
    }
    await tx.article.update({ where: { id: input.articleId }, data });
    let slug: { from: string; to: string } | undefined;
    if (input.slug !== undefined) {
      const { slug: from } = await tx.article.findUniqueOrThrow({
        where: { id: input.articleId },
        select: { slug: true },
      });
      await moveSlug(tx, input.articleId, from, input.slug);
      if (from !== input.slug) slug = { from, to: input.slug };
    }
    if (publication) {
      // The public record of this publication: a leaf anyone may see with its inclusion proof
      // ("verify this correction" on /read). Public data only; who published is in the
      // article.status event below, which only read:audit may read.
      const { slug: publicSlug } = await tx.article.findUniqueOrThrow({
        where: { id: input.articleId },
        select: { slug: true },
      });
      await appendAudit(tx, {
        actor: { type: "SYSTEM", label: PUBLICATION_ACTOR_LABEL },
        action: PUBLICATION_ACTION,
        entityType: PUBLICATION_ENTITY,
        entityId: publication.id,
        data: {
          ...publicationEventData({
            slug: publicSlug,
            revision: publication.revision,
            note: note ?? null,
          }),
        },
      });
    }
    await tx.statusChange.create({
      data: {
        articleId: input.articleId,
        from: article.status,
        to: input.to,
        note: note ?? null,
        // JSON column: plain data, not the Blocker interface type.
        override: override ? JSON.parse(JSON.stringify(override)) : undefined,
        revision: article.currentRevision,
        actorId: user.userId,
      },
    });
    await notifyStatusChange(tx, {
      articleId: input.articleId,
      to: input.to,
      note,
      actor: user,
    });
    await emitEvent(tx, "article.status_changed", {
      articleId: input.articleId,
      data: {
        articleId: input.articleId,
        from: article.status,
        to: input.to,
        revision: article.currentRevision,
        note: note ?? null,
        by: user.name,
      },
      chat:
        input.to === "CHANGES_REQUESTED"
          ? { event: "changes_requested", facts: { note: note ?? null, by: user.name } }
          : undefined,
    });
    if (publication) {
      await announcePublication(tx, {
        articleId: input.articleId,
        revision: publication.revision,
        publishedAt: publication.publishedAt,
        note: note ?? null,
        previousRevision: article.publishedRevision,
      });
    }
    await publishLive(tx, {
      type: "status",
      articleId: input.articleId,
      from: article.status,
      to: input.to,
      revision: article.currentRevision,
      by: livePerson(user),
      at: new Date().toISOString(),
    });
    await appendAudit(tx, {
      actor: input.actor,
      action: "article.status",
      entityType: "article",
      entityId: input.articleId,
      data: {
        from: article.status,
        to: input.to,
        note,
        override: override ?? undefined,
        revision: article.currentRevision,
        slug,
      },
      requestId: input.requestId,
    });
    return {
      status: input.to,
      revision: article.currentRevision,
      allowed: allowedTransitions(input.to),
      ...(override ? { override } : {}),
      ...(slug ? { slug: slug.to } : {}),
    };
  });
}

/**
 * Webhooks and chat for a publication: `article.published` always, `correction.published` too
 * when it changed text readers had already been shown; readers whose accepted reports it makes
 * public are told (lib/server/reader-email.ts) when the public text changed.
 */
async function announcePublication(
  tx: Tx,
  p: {
    articleId: string;
    revision: number;
    publishedAt: Date;
    note: string | null;
    previousRevision: number | null;
  },
): Promise<void> {
  const base = {
    articleId: p.articleId,
    revision: p.revision,
    publishedAt: p.publishedAt,
    note: p.note,
  };
  await emitCostlyEvent(tx, "article.published", {
    articleId: p.articleId,
    data: () => publishedArticleData(tx, base),
  });
  if (p.previousRevision === p.revision) return;
  if (p.previousRevision !== null) {
    const previousRevision = p.previousRevision;
    await emitCostlyEvent(tx, "correction.published", {
      articleId: p.articleId,
      data: () => publishedArticleData(tx, { ...base, previousRevision }),
      chat: { event: "correction.published", facts: { note: p.note, revision: p.revision } },
    });
  }
  await enqueueAcceptedReaderEmails(tx, { articleId: p.articleId, revision: p.revision });
}

/** What stands between the article and `to`, under the article lock. */
async function blockersFor(
  tx: Tx,
  articleId: string,
  to: ArticleStatus,
  revision: number,
): Promise<Blocker[]> {
  if (to === "SUBMITTED") {
    const progress = await confirmationProgress(tx, articleId, revision);
    const open = progress.total - progress.confirmed;
    return open > 0
      ? [
          {
            kind: "unconfirmed",
            count: open,
            detail: `${open} of ${progress.total} segments not confirmed`,
          },
        ]
      : [];
  }
  if (!isGated(to)) return [];
  return gateBlockers(await openWork(tx, articleId));
}
