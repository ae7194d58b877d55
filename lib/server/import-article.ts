import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { generatePassword, hashPassword } from "@/lib/auth/secrets";
import { Prisma, db, transaction, type Tx } from "@/lib/db";
import { conflict } from "@/lib/errors";
import { type GalleyArticleDocument, referencedEmails } from "@/lib/formats/galley-json";
import { countWords, makeSlug } from "@/lib/ingest/identity";
import { metadataColumns, metadataFromInput } from "@/lib/ingest/metadata";
import { ensureEngine } from "./ingest";
import { appendAudit } from "./audit";
import { refreshArticleRisk } from "./risk";

export interface ImportDocumentResult {
  id: string;
  slug: string;
  revision: number;
  /** Emails of users that did not exist and were created disabled. */
  createdUsers: string[];
}

const date = (s: string) => new Date(s);
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));

/**
 * Recreates an exported article (lib/formats/galley-json.ts) with its whole history in one
 * transaction: segments, every revision with its author and time, texts, publications,
 * annotations, feedback, QA dismissals and the workflow status. Rows are only inserted, never
 * updated, so the append-only tables stay append-only. People are matched by email; anyone
 * missing is created as a disabled VIEWER with a random password, which keeps authorship
 * without granting access. 409 when the article (same id, or same outlet+externalId) exists.
 */
export async function importArticleDocument(
  doc: GalleyArticleDocument,
  actor: Actor,
  opts: { requestId?: string } = {},
): Promise<ImportDocumentResult> {
  const a = doc.article;
  await assertAbsent(a.id, a.outlet ?? "", a.externalId);
  const engine = await ensureEngine({ name: a.engine.name, version: a.engine.version ?? "" });
  // bcrypt is slow on purpose: hash before the transaction, for users that may be missing.
  const emails = referencedEmails(doc);
  const known = new Set(
    (await db().user.findMany({ where: { email: { in: emails } }, select: { email: true } })).map(
      (u) => u.email,
    ),
  );
  const names = new Map(doc.users.map((u) => [u.email.toLowerCase(), u.name]));
  const newUsers = await Promise.all(
    emails
      .filter((e) => !known.has(e))
      .map(async (email) => ({
        email,
        name: names.get(email) ?? email.split("@")[0]!,
        passwordHash: await hashPassword(generatePassword()),
      })),
  );

  try {
    return await transaction(async (tx) => {
      const now = new Date();
      if (newUsers.length > 0) {
        await tx.user.createMany({
          data: newUsers.map((u) => ({ ...u, role: "VIEWER" as const, disabledAt: now })),
          skipDuplicates: true, // someone created one meanwhile: theirs is as good
        });
      }
      const userIds = await userIdsByEmail(tx, emails);
      const uid = (email: string | null) => (email ? userIds.get(email.toLowerCase())! : null);

      const current = textsAt(doc, a.currentRevision);
      // Any slug an article has or had is taken: old slugs keep redirecting to their article.
      const slugTaken = await tx.articleSlug.findUnique({
        where: { slug: a.slug },
        select: { articleId: true },
      });
      const slug = slugTaken ? makeSlug(current[0] ?? "article") : a.slug;

      await tx.article.create({
        data: {
          id: a.id,
          slug,
          outlet: a.outlet ?? "",
          externalId: a.externalId,
          ...metadataColumns(metadataFromInput(a)),
          sourceLang: a.sourceLang,
          targetLang: a.targetLang,
          engineId: engine.id,
          status: a.status,
          footer: a.footer,
          title: current[0] ?? "",
          currentRevision: a.currentRevision,
          publishedRevision: a.publishedRevision,
          approvedRevision: a.approvedRevision,
          contentHash: a.contentHash,
          searchText: current.join("\n"),
          wordCount: countWords(current),
          assigneeId: uid(a.assignee),
          createdAt: date(a.createdAt),
          updatedAt: date(a.updatedAt),
        },
      });
      await tx.segment.createMany({
        data: doc.segments.map((s) => ({ articleId: a.id, ...s })),
      });
      await tx.revision.createMany({
        data: doc.revisions.map((r) => ({
          articleId: a.id,
          number: r.number,
          parentNumber: r.parent,
          kind: r.kind,
          authorId: uid(r.author),
          summary: r.summary,
          status: r.status,
          revertedTo: r.revertedTo,
          feedbackId: r.feedbackId,
          ...r.stats,
          createdAt: date(r.createdAt),
        })),
      });
      await tx.segmentText.createMany({
        data: doc.revisions.flatMap((r) =>
          r.texts.map((t) => ({
            articleId: a.id,
            segmentIndex: t.index,
            revisionNumber: r.number,
            text: t.text,
          })),
        ),
      });
      await insertDiscussion(tx, doc, uid);
      await refreshArticleRisk(tx, a.id);
      await appendAudit(tx, {
        actor,
        action: "article.import",
        entityType: "article",
        entityId: a.id,
        data: {
          slug,
          externalId: a.externalId,
          outlet: a.outlet,
          revisions: doc.revisions.length,
          annotations: doc.annotations.length,
          feedback: doc.feedback.length,
          exportedAt: doc.exportedAt,
          createdUsers: newUsers.map((u) => u.email),
        },
        requestId: opts.requestId,
      });
      return {
        id: a.id,
        slug,
        revision: a.currentRevision,
        createdUsers: newUsers.map((u) => u.email),
      };
    });
  } catch (err) {
    // Lost a race with a concurrent import or ingest of the same article, or ids already in use.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw conflict("The article, or some of its items, already exist in this database", {
        existingId: a.id,
      });
    }
    throw err;
  }
}

async function assertAbsent(id: string, outlet: string, externalId: string | null) {
  const byId = await db().article.findUnique({ where: { id }, select: { id: true } });
  if (byId) throw conflict(`Article ${id} already exists`, { existingId: id });
  if (!externalId) return;
  const same = await db().article.findUnique({
    where: { outlet_externalId: { outlet, externalId } },
    select: { id: true },
  });
  if (same) {
    throw conflict(`An article with this externalId and outlet already exists (${same.id})`, {
      existingId: same.id,
    });
  }
}

async function userIdsByEmail(tx: Tx, emails: string[]): Promise<Map<string, string>> {
  const rows = await tx.user.findMany({
    where: { email: { in: emails } },
    select: { id: true, email: true },
  });
  return new Map(rows.map((u) => [u.email, u.id]));
}

/** Text of every segment at revision n, by index (newest text at or before n). */
function textsAt(doc: GalleyArticleDocument, n: number): string[] {
  const out: string[] = [];
  for (const r of doc.revisions) {
    if (r.number > n) break;
    for (const t of r.texts) out[t.index] = t.text;
  }
  return out;
}

async function insertDiscussion(
  tx: Tx,
  doc: GalleyArticleDocument,
  uid: (email: string | null) => string | null,
) {
  const articleId = doc.article.id;
  await tx.publication.createMany({
    data: doc.publications.map((p) => ({
      id: p.id,
      articleId,
      revisionNumber: p.revision,
      note: p.note,
      publishedById: uid(p.publishedBy),
      publishedAt: date(p.publishedAt),
    })),
  });
  await tx.annotation.createMany({
    data: doc.annotations.map((x) => ({
      id: x.id,
      articleId,
      revisionNumber: x.revision,
      segmentIndex: x.segmentIndex,
      target: x.target,
      start: x.start,
      end: x.end,
      quote: x.quote,
      category: x.category,
      severity: x.severity,
      note: x.note,
      status: x.status,
      authorId: uid(x.author)!,
      createdAt: date(x.createdAt),
      updatedAt: date(x.updatedAt),
    })),
  });
  // Duplicate links are set once every item exists; a link to feedback this database does
  // not have (another article's, never imported) is dropped rather than left dangling.
  const ids = new Set(doc.feedback.map((f) => f.id));
  const outside = doc.feedback
    .map((f) => f.duplicateOf)
    .filter((d): d is string => d !== null && !ids.has(d));
  const existing = new Set(
    (await tx.feedback.findMany({ where: { id: { in: outside } }, select: { id: true } })).map(
      (f) => f.id,
    ),
  );
  await tx.feedback.createMany({
    data: doc.feedback.map((f) => ({
      id: f.id,
      articleId,
      revisionSeen: f.revisionSeen,
      segmentIndex: f.segmentIndex,
      quote: f.quote,
      quoteStart: f.quoteStart,
      quoteEnd: f.quoteEnd,
      category: f.category,
      suggestion: f.suggestion,
      comment: f.comment,
      contact: f.contact,
      status: f.status,
      resolvingRevision: f.resolvingRevision,
      duplicateOfId: f.duplicateOf && existing.has(f.duplicateOf) ? f.duplicateOf : null,
      triageNote: f.triageNote,
      triagedById: uid(f.triagedBy),
      triagedAt: dateOrNull(f.triagedAt),
      // Not exported (see galley-json.ts): a marker no real HMAC can equal.
      ipHash: `imported:${f.id}`,
      createdAt: date(f.createdAt),
    })),
  });
  for (const f of doc.feedback) {
    if (f.duplicateOf && ids.has(f.duplicateOf)) {
      await tx.feedback.update({ where: { id: f.id }, data: { duplicateOfId: f.duplicateOf } });
    }
  }
  await tx.qaDismissal.createMany({
    data: doc.qaDismissals.map((q) => ({
      articleId,
      segmentIndex: q.segmentIndex,
      check: q.check,
      fingerprint: q.fingerprint,
      reason: q.reason,
      dismissedById: uid(q.dismissedBy)!,
      createdAt: date(q.createdAt),
    })),
  });
}
