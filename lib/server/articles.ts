import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { Prisma, db, transaction, type Tx } from "@/lib/db";
import type { ArticleStatus, ArticleView, SegmentView } from "@/lib/domain/types";
import { canBeAssigned } from "@/lib/domain/workflow";
import { env } from "@/lib/env";
import { badRequest, conflict, notFound, tooLarge } from "@/lib/errors";
import { DEFAULT_FOOTER_PATTERNS, parseFooterPatterns } from "@/lib/ingest/footer";
import { contentHash, countWords, makeSlug } from "@/lib/ingest/identity";
import { INGEST_LIMITS, type IngestArticleInput } from "@/lib/ingest/schema";
import { ParagraphCountMismatch, buildSegments } from "@/lib/ingest/segments";
import { appendAudit } from "./audit";
import { notifyAssignment } from "./notifications";
import { textsAtRevision } from "./revision-texts";
import { emptyToNull } from "@/lib/text/nullable";

export interface IngestResult {
  created: boolean;
  article: {
    id: string;
    slug: string;
    status: ArticleStatus;
    segmentCount: number;
    revision: number;
  };
}

function footerPatterns(): RegExp[] {
  const configured = env().GALLEY_FOOTER_PATTERNS;
  return configured ? parseFooterPatterns(configured) : DEFAULT_FOOTER_PATTERNS;
}

/**
 * Takes in one article: splits it into segments, stores article, segments,
 * revision 1 and the audit event in one transaction. Re-sending the same
 * externalId+outlet with identical content returns the existing article;
 * different content is a 409.
 */
export async function ingestArticle(
  input: IngestArticleInput,
  actor: Actor,
  opts: { requestId?: string; kind?: "INGEST" | "IMPORT" } = {},
): Promise<IngestResult> {
  let built;
  try {
    built = buildSegments(input, footerPatterns());
  } catch (err) {
    if (err instanceof ParagraphCountMismatch) {
      throw badRequest(err.message, {
        sourceParagraphs: err.sourceCount,
        mtParagraphs: err.mtCount,
      });
    }
    throw badRequest((err as Error).message);
  }
  if (built.segments.length - 1 > INGEST_LIMITS.maxSegments) {
    throw tooLarge(
      `The article has ${built.segments.length - 1} segments; the limit is ${INGEST_LIMITS.maxSegments}`,
    );
  }
  const long = built.segments.findIndex(
    (s) =>
      s.mt.length > INGEST_LIMITS.maxSegmentChars ||
      (s.source?.length ?? 0) > INGEST_LIMITS.maxSegmentChars,
  );
  if (long >= 0)
    throw tooLarge(`Segment ${long} exceeds ${INGEST_LIMITS.maxSegmentChars} characters`);

  const engine = { name: input.engine.name, version: input.engine.version ?? "" };
  const publishedAt = input.publishedAt ? new Date(input.publishedAt) : null;
  const hash = contentHash({
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    engine,
    url: input.url ?? null,
    byline: input.byline ?? null,
    publishedAt: publishedAt?.toISOString() ?? null,
    footer: built.footer,
    segments: built.segments,
  });
  const outlet = input.outlet ?? "";
  const externalId = input.externalId ?? null;

  if (externalId) {
    const existing = await findExisting(outlet, externalId);
    if (existing) return existingOrConflict(existing, hash);
  }

  const engineRow = await ensureEngine(engine);
  const title = built.segments[0]!.mt;
  try {
    return await transaction(async (tx) => {
      const article = await tx.article.create({
        data: {
          slug: makeSlug(title),
          outlet,
          externalId,
          url: input.url ?? null,
          byline: input.byline ?? null,
          publishedAt,
          sourceLang: input.sourceLang,
          targetLang: input.targetLang,
          engineId: engineRow.id,
          footer: built.footer,
          title,
          contentHash: hash,
          searchText: built.segments.map((s) => s.mt).join("\n"),
          wordCount: countWords(built.segments.map((s) => s.mt)),
        },
      });
      await tx.segment.createMany({
        data: built.segments.map((s, index) => ({
          articleId: article.id,
          index,
          kind: s.kind,
          source: s.source,
          mt: s.mt,
        })),
      });
      await tx.segmentText.createMany({
        data: built.segments.map((s, index) => ({
          articleId: article.id,
          segmentIndex: index,
          revisionNumber: 1,
          text: s.mt,
        })),
      });
      const userId = actor.type === "USER" || actor.type === "TOKEN" ? actor.userId : null;
      await tx.revision.create({
        data: {
          articleId: article.id,
          number: 1,
          kind: opts.kind ?? "INGEST",
          authorId: userId,
          tokenId: actor.type === "TOKEN" ? actor.tokenId : null,
          summary: "Machine translation as ingested",
          status: "NEW",
          segmentsChanged: built.segments.length,
          wordsAdded: countWords(built.segments.map((s) => s.mt)),
        },
      });
      await appendAudit(tx, {
        actor,
        action: "article.ingest",
        entityType: "article",
        entityId: article.id,
        data: {
          slug: article.slug,
          externalId,
          outlet: emptyToNull(outlet),
          engine,
          segmentCount: built.segments.length,
          footer: built.footer !== null,
        },
        requestId: opts.requestId,
      });
      return {
        created: true,
        article: {
          id: article.id,
          slug: article.slug,
          status: "NEW" as const,
          segmentCount: built.segments.length,
          revision: 1,
        },
      };
    });
  } catch (err) {
    // Two concurrent ingests of the same externalId: the loser re-reads the winner.
    if (externalId && err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const existing = await findExisting(outlet, externalId);
      if (existing) return existingOrConflict(existing, hash);
    }
    throw err;
  }
}

/**
 * The engine row for name+version. A plain read first (the common case costs one query, where
 * upsert costs a transaction); two first ingests of a new engine racing both get the same row.
 */
export async function ensureEngine(engine: { name: string; version: string }) {
  const found = await db().engine.findUnique({ where: { name_version: engine } });
  if (found) return found;
  try {
    return await db().engine.create({ data: engine });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      return db().engine.findUniqueOrThrow({ where: { name_version: engine } });
    }
    throw err;
  }
}

async function findExisting(outlet: string, externalId: string) {
  return db().article.findUnique({
    where: { outlet_externalId: { outlet, externalId } },
    select: {
      id: true,
      slug: true,
      status: true,
      currentRevision: true,
      contentHash: true,
      _count: { select: { segments: true } },
    },
  });
}

function existingOrConflict(
  existing: NonNullable<Awaited<ReturnType<typeof findExisting>>>,
  hash: string,
): IngestResult {
  if (existing.contentHash !== hash) {
    throw conflict(
      `An article with this externalId and outlet already exists (${existing.id}) with different content`,
      {
        existingId: existing.id,
      },
    );
  }
  return {
    created: false,
    article: {
      id: existing.id,
      slug: existing.slug,
      status: existing.status,
      segmentCount: existing._count.segments,
      revision: existing.currentRevision,
    },
  };
}

/** The article with its segments' text at `revision` (default: current). */
export async function getArticleView(id: string, revision?: number): Promise<ArticleView> {
  const article = await db().article.findUnique({
    where: { id },
    include: { engine: true, segments: { orderBy: { index: "asc" } } },
  });
  if (!article) throw notFound("Article");
  const at = revision ?? article.currentRevision;
  if (at < 1 || at > article.currentRevision) throw notFound(`Revision ${at}`);
  const texts = await textsAtRevision(db(), id, at);
  const segments: SegmentView[] = article.segments.map((s) => ({
    index: s.index,
    kind: s.kind,
    source: s.source,
    mt: s.mt,
    text: texts.get(s.index) ?? s.mt,
  }));
  return {
    id: article.id,
    slug: article.slug,
    externalId: article.externalId,
    outlet: emptyToNull(article.outlet),
    url: article.url,
    byline: article.byline,
    publishedAt: article.publishedAt?.toISOString() ?? null,
    sourceLang: article.sourceLang,
    targetLang: article.targetLang,
    engine: { name: article.engine.name, version: emptyToNull(article.engine.version) },
    status: article.status,
    footer: article.footer,
    revision: at,
    segments,
  };
}

export async function getArticleMeta(id: string) {
  const article = await db().article.findUnique({
    where: { id },
    include: { engine: true, assignee: { select: { id: true, email: true, name: true } } },
  });
  if (!article) throw notFound("Article");
  return article;
}

export async function lockArticle(tx: Tx, id: string) {
  const rows = await tx.$queryRaw<
    {
      id: string;
      status: ArticleStatus;
      currentRevision: number;
      publishedRevision: number | null;
      approvedRevision: number | null;
      targetLang: string;
    }[]
  >`SELECT "id", "status", "currentRevision", "publishedRevision", "approvedRevision", "targetLang"
    FROM "Article" WHERE "id" = ${id} FOR UPDATE`;
  const row = rows[0];
  if (!row) throw notFound("Article");
  return row;
}

export async function assignArticle(id: string, assigneeEmail: string | null, actor: Actor) {
  return transaction(async (tx) => {
    const article = await lockArticle(tx, id);
    let assigneeId: string | null = null;
    if (assigneeEmail) {
      const user = await tx.user.findUnique({ where: { email: assigneeEmail.toLowerCase() } });
      if (!user || user.disabledAt) throw badRequest(`No active user with email ${assigneeEmail}`);
      if (!canBeAssigned(user.role))
        throw badRequest(`A ${user.role.toLowerCase()} cannot be assigned articles`);
      assigneeId = user.id;
    }
    const before = await tx.article.findUnique({ where: { id }, select: { assigneeId: true } });
    await tx.article.update({ where: { id }, data: { assigneeId } });
    await notifyAssignment(tx, {
      articleId: article.id,
      assigneeId,
      previousId: before?.assigneeId ?? null,
      actor,
    });
    await appendAudit(tx, {
      actor,
      action: "article.assign",
      entityType: "article",
      entityId: article.id,
      data: { from: before?.assigneeId ?? null, to: assigneeId },
    });
    return { assigneeId };
  });
}
