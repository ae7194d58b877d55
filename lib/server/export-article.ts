import "server-only";
import { Prisma, db, readAll, type Db, type Tx } from "@/lib/db";
import { notFound } from "@/lib/errors";
import {
  GALLEY_ARTICLE_FORMAT,
  GALLEY_ARTICLE_VERSION,
  type GalleyArticleDocument,
} from "@/lib/formats/galley-json";
import { emptyToNull } from "@/lib/text/nullable";
import { correctionsOf, distinctPublications } from "@/lib/domain/corrections";
import { metadataFromColumns } from "@/lib/ingest/metadata";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The complete Galley JSON document of one article (lib/formats/galley-json.ts). Everything is
 * ordered deterministically, so exporting the same data twice gives the same document.
 * `client` lets a test read from a second database.
 */
export async function buildArticleDocument(
  articleId: string,
  client: Db = db(),
): Promise<GalleyArticleDocument> {
  // One snapshot: a save landing midway must not give revisions the article does not point to.
  return client.$transaction((tx) => readDocument(tx, articleId), {
    isolationLevel: Prisma.TransactionIsolationLevel.RepeatableRead,
    maxWait: 15_000,
    timeout: 60_000,
  });
}

async function readDocument(client: Tx, articleId: string): Promise<GalleyArticleDocument> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    include: { engine: true, assignee: { select: { email: true, name: true } } },
  });
  if (!article) throw notFound("Article");
  const byArticle = { where: { articleId } };
  const [segments, revisions, texts, publications, annotations, feedback, dismissals] =
    await readAll(client, [
      () => client.segment.findMany({ ...byArticle, orderBy: { index: "asc" } }),
      () =>
        client.revision.findMany({
          ...byArticle,
          orderBy: { number: "asc" },
          include: { author: { select: { email: true, name: true } } },
        }),
      () =>
        client.segmentText.findMany({
          ...byArticle,
          orderBy: [{ revisionNumber: "asc" }, { segmentIndex: "asc" }],
        }),
      () =>
        client.publication.findMany({
          ...byArticle,
          orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
          include: { publishedBy: { select: { email: true, name: true } } },
        }),
      () =>
        client.annotation.findMany({
          ...byArticle,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { author: { select: { email: true, name: true } } },
        }),
      () =>
        client.feedback.findMany({
          ...byArticle,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { triagedBy: { select: { email: true, name: true } } },
        }),
      () =>
        client.qaDismissal.findMany({
          ...byArticle,
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          include: { dismissedBy: { select: { email: true, name: true } } },
        }),
    ]);

  const users = new Map<string, string>();
  const person = (u: { email: string; name: string } | null) => {
    if (!u) return null;
    users.set(u.email, u.name);
    return u.email;
  };
  const textsByRevision = new Map<number, { index: number; text: string }[]>();
  for (const t of texts) {
    const list = textsByRevision.get(t.revisionNumber) ?? [];
    list.push({ index: t.segmentIndex, text: t.text });
    textsByRevision.set(t.revisionNumber, list);
  }
  const assignee = person(article.assignee);

  const doc: GalleyArticleDocument = {
    format: GALLEY_ARTICLE_FORMAT,
    version: GALLEY_ARTICLE_VERSION,
    exportedAt: new Date().toISOString(),
    users: [],
    article: {
      id: article.id,
      slug: article.slug,
      externalId: article.externalId,
      outlet: emptyToNull(article.outlet),
      ...metadataFromColumns(article),
      sourceLang: article.sourceLang,
      targetLang: article.targetLang,
      engine: { name: article.engine.name, version: emptyToNull(article.engine.version) },
      status: article.status,
      footer: article.footer,
      currentRevision: article.currentRevision,
      publishedRevision: article.publishedRevision,
      approvedRevision: article.approvedRevision,
      contentHash: article.contentHash,
      assignee,
      createdAt: iso(article.createdAt),
      updatedAt: iso(article.updatedAt),
    },
    segments: segments.map((s) => ({ index: s.index, kind: s.kind, source: s.source, mt: s.mt })),
    revisions: revisions.map((r) => ({
      number: r.number,
      parent: r.parentNumber,
      kind: r.kind,
      author: person(r.author),
      createdAt: iso(r.createdAt),
      summary: r.summary,
      status: r.status,
      revertedTo: r.revertedTo,
      feedbackId: r.feedbackId,
      stats: {
        wordsAdded: r.wordsAdded,
        wordsRemoved: r.wordsRemoved,
        segmentsChanged: r.segmentsChanged,
      },
      texts: textsByRevision.get(r.number) ?? [],
    })),
    publications: publications.map((p) => ({
      id: p.id,
      revision: p.revisionNumber,
      note: p.note,
      publishedBy: person(p.publishedBy),
      publishedAt: iso(p.publishedAt),
    })),
    corrections: correctionsOf(
      distinctPublications(
        publications.map((p) => ({
          revision: p.revisionNumber,
          note: p.note,
          publishedAt: p.publishedAt,
        })),
      ),
    ).map((c) => ({ revision: c.revision, note: c.note, publishedAt: iso(c.publishedAt) })),
    annotations: annotations.map((a) => ({
      id: a.id,
      revision: a.revisionNumber,
      segmentIndex: a.segmentIndex,
      target: a.target,
      start: a.start,
      end: a.end,
      quote: a.quote,
      category: a.category,
      severity: a.severity,
      note: a.note,
      status: a.status,
      author: person(a.author)!,
      createdAt: iso(a.createdAt),
      updatedAt: iso(a.updatedAt),
    })),
    feedback: feedback.map((f) => ({
      id: f.id,
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
      duplicateOf: f.duplicateOfId,
      triageNote: f.triageNote,
      triagedBy: person(f.triagedBy),
      triagedAt: isoOrNull(f.triagedAt),
      createdAt: iso(f.createdAt),
    })),
    qaDismissals: dismissals.map((q) => ({
      segmentIndex: q.segmentIndex,
      check: q.check,
      fingerprint: q.fingerprint,
      reason: q.reason,
      dismissedBy: person(q.dismissedBy)!,
      createdAt: iso(q.createdAt),
    })),
  };
  doc.users = [...users.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([email, name]) => ({ email, name }));
  return doc;
}
