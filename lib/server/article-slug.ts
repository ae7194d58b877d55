import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { requirePermission } from "@/lib/auth/policy";
import { db, Prisma, transaction, type Db, type Tx } from "@/lib/db";
import { badRequest, conflict, notFound } from "@/lib/errors";
import { SLUG_PATTERN, slugFollowingTitle } from "@/lib/ingest/identity";
import { appendAudit } from "./audit";
import { lockArticle } from "./articles";
import { textsAtRevision } from "./revision-texts";

// An article's slug may follow its corrected headline; every slug it ever had stays claimed in
// "ArticleSlug" (a trigger claims each new one), so old links keep answering with a 308.

export interface SlugState {
  slug: string;
  /** The slug the headline to be published calls for; null when the slug already follows it. */
  suggested: string | null;
  /** The title that suggestion follows (the approved revision's, else the current one's). */
  title: string;
  /** Earlier slugs, newest first: each answers 308 to `slug`. */
  previous: string[];
}

/** The revision a publish would make public: the approved one, else the current one. */
async function titleToPublish(
  client: Db | Tx,
  a: { id: string; approvedRevision: number | null; currentRevision: number },
) {
  const texts = await textsAtRevision(client, a.id, a.approvedRevision ?? a.currentRevision);
  return texts.get(0) ?? "";
}

export async function getSlugState(articleId: string): Promise<SlugState> {
  const article = await db().article.findUnique({
    where: { id: articleId },
    select: {
      id: true,
      slug: true,
      approvedRevision: true,
      currentRevision: true,
      slugs: { orderBy: { createdAt: "desc" }, select: { slug: true } },
    },
  });
  if (!article) throw notFound("Article");
  const title = await titleToPublish(db(), article);
  return {
    slug: article.slug,
    suggested: slugFollowingTitle(title, article.slug),
    title,
    previous: article.slugs.map((s) => s.slug).filter((s) => s !== article.slug),
  };
}

/**
 * Moves the article to `to` inside the caller's transaction (the caller holds the article's row
 * lock and appends the audit event). A slug any article holds or held is a 409, except one this
 * article held before, which it may take back.
 */
export async function moveSlug(tx: Tx, articleId: string, from: string, to: string) {
  if (!SLUG_PATTERN.test(to) || to.length > 80) {
    throw badRequest("A slug is lowercase letters, digits and single hyphens, at most 80", {
      issues: [{ path: "slug", message: "is not a valid slug" }],
    });
  }
  if (to === from) return;
  const owner = await tx.articleSlug.findUnique({ where: { slug: to } });
  if (owner && owner.articleId !== articleId) {
    throw conflict(`The slug "${to}" belongs to another article`);
  }
  try {
    if (!owner) await tx.articleSlug.create({ data: { slug: to, articleId } });
  } catch (err) {
    // Claimed by a concurrent rename or ingest between the read and the insert.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw conflict(`The slug "${to}" belongs to another article`);
    }
    throw err;
  }
  await tx.article.update({ where: { id: articleId }, data: { slug: to } });
}

/**
 * POST /api/v1/articles/{id}/slug: gives the article `slug`, or without it the slug its headline
 * calls for. Unchanged when it already has it.
 */
export async function changeSlug(input: {
  articleId: string;
  slug?: string;
  actor: Actor;
  requestId?: string;
}): Promise<{ slug: string; previous: string[]; changed: boolean }> {
  requirePermission(input.actor, "publish:article");
  const result = await transaction(async (tx) => {
    const locked = await lockArticle(tx, input.articleId);
    const { slug: from } = await tx.article.findUniqueOrThrow({
      where: { id: input.articleId },
      select: { slug: true },
    });
    const to = input.slug ?? slugFollowingTitle(await titleToPublish(tx, locked), from) ?? from;
    if (to === from) return { slug: from, changed: false };
    await moveSlug(tx, input.articleId, from, to);
    await appendAudit(tx, {
      actor: input.actor,
      action: "article.slug",
      entityType: "article",
      entityId: input.articleId,
      data: { from, to },
      requestId: input.requestId,
    });
    return { slug: to, changed: true };
  });
  const state = await getSlugState(input.articleId);
  return { ...result, previous: state.previous };
}

/** The current slug of the article that once had `slug`, or null when no article ever had it. */
export async function currentSlugFor(slug: string): Promise<string | null> {
  const row = await db().articleSlug.findUnique({
    where: { slug },
    select: { article: { select: { slug: true } } },
  });
  return row?.article.slug ?? null;
}
