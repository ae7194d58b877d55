import "server-only";
import { publicationProofLinks } from "./audit-tree";
import { Prisma, db } from "@/lib/db";
import type { SegmentKind } from "@/lib/domain/types";
import { env } from "@/lib/env";
import { textsAtRevision } from "./revision-texts";
import { emptyToNull } from "@/lib/text/nullable";
import { correctionsOf, distinctPublications } from "@/lib/domain/corrections";

// What anonymous readers may see. Only published revisions (or, before the
// first publication, the approved one) ever leave this module; drafts never do
// unless GALLEY_PUBLIC_SHOWS_UNREVIEWED=1 opts in.

export interface PublicRevisionPointers {
  currentRevision: number;
  publishedRevision: number | null;
  approvedRevision: number | null;
}

/** The revision readers are shown by default, or null when nothing is public yet. */
export function publicRevisionOf(
  a: PublicRevisionPointers,
  showUnreviewed = env().GALLEY_PUBLIC_SHOWS_UNREVIEWED,
): { revision: number; reviewed: boolean } | null {
  if (a.publishedRevision !== null) return { revision: a.publishedRevision, reviewed: true };
  if (a.approvedRevision !== null) return { revision: a.approvedRevision, reviewed: true };
  return showUnreviewed ? { revision: a.currentRevision, reviewed: false } : null;
}

/**
 * publicRevisionOf in SQL, over the columns of the article row `alias`, for a statement that
 * must decide in PostgreSQL whether to go on (the feedback intake counts the article's limit
 * only for an article readers are shown). Keep the two in step; a test compares them.
 */
export function publicRevisionSql(
  alias: string,
  showUnreviewed = env().GALLEY_PUBLIC_SHOWS_UNREVIEWED,
): Prisma.Sql {
  const col = (name: string) => Prisma.raw(`${alias}."${name}"`);
  return Prisma.sql`COALESCE(${col("publishedRevision")}, ${col("approvedRevision")},
    CASE WHEN ${showUnreviewed} THEN ${col("currentRevision")} END)`;
}

export interface PublicationEntry {
  revision: number;
  publishedAt: Date;
  note: string | null;
  /**
   * The public inclusion proof of this publication's event in the signed audit log
   * ("verify this correction"); null until the sealer has sealed it, and for publications
   * made before the log had publication events.
   */
  proofUrl: string | null;
}

export interface PublicArticle {
  id: string;
  slug: string;
  /** Title at the shown revision; null while nothing may be shown (it is unreviewed text too). */
  title: string | null;
  outlet: string | null;
  byline: string | null;
  url: string | null;
  originalPublishedAt: Date | null;
  sourceLang: string;
  targetLang: string;
  engine: string;
  footer: string | null;
  /** null: under review, nothing may be shown. */
  shown: {
    revision: number;
    reviewed: boolean;
    /** True when this is an older published version, not the current public text. */
    superseded: boolean;
    segments: { index: number; kind: SegmentKind; text: string }[];
  } | null;
  /** Publications in order, one per distinct revision (re-publishing the same text is not a correction). */
  versions: PublicationEntry[];
  /** The publication that last changed the public text, when there was an earlier one. */
  latestCorrection: PublicationEntry | null;
  currentPublicRevision: number | null;
}

export type PublicArticleResult =
  | { kind: "ok"; article: PublicArticle }
  | { kind: "not_found" }
  /** A revision was asked for that was never published. */
  | { kind: "revision_not_public" };

/**
 * The article as a reader sees it: the current public revision, or with
 * `revision` an earlier published one (never a draft).
 */
export async function getPublicArticle(
  slug: string,
  revision?: number,
): Promise<PublicArticleResult> {
  const article = await db().article.findUnique({
    where: { slug },
    include: {
      engine: true,
      segments: { orderBy: { index: "asc" }, select: { index: true, kind: true } },
      publications: {
        orderBy: { publishedAt: "asc" },
        select: { id: true, revisionNumber: true, publishedAt: true, note: true },
      },
    },
  });
  if (!article) return { kind: "not_found" };

  const proofs = await publicationProofLinks(article.publications.map((p) => p.id));
  const versions: PublicationEntry[] = distinctPublications(
    article.publications.map((p) => ({
      revision: p.revisionNumber,
      publishedAt: p.publishedAt,
      note: p.note,
      proofUrl: proofs.get(p.id) ?? null,
    })),
  );
  const latestCorrection = correctionsOf(versions).at(-1) ?? null;
  const current = publicRevisionOf(article);

  let shown: { revision: number; reviewed: boolean } | null = current;
  if (revision !== undefined && revision !== current?.revision) {
    if (!versions.some((v) => v.revision === revision)) return { kind: "revision_not_public" };
    shown = { revision, reviewed: true };
  }

  let shownView: PublicArticle["shown"] = null;
  if (shown) {
    const texts = await textsAtRevision(db(), article.id, shown.revision);
    shownView = {
      ...shown,
      superseded: shown.revision !== current?.revision,
      segments: article.segments.map((s) => ({
        index: s.index,
        kind: s.kind,
        text: texts.get(s.index) ?? "",
      })),
    };
  }
  return {
    kind: "ok",
    article: {
      id: article.id,
      slug: article.slug,
      title: shownView?.segments[0]?.text ?? null,
      outlet: emptyToNull(article.outlet),
      byline: article.byline,
      url: article.url,
      originalPublishedAt: article.publishedAt,
      sourceLang: article.sourceLang,
      targetLang: article.targetLang,
      engine: article.engine.version
        ? `${article.engine.name} ${article.engine.version}`
        : article.engine.name,
      footer: article.footer,
      shown: shownView,
      versions,
      latestCorrection,
      currentPublicRevision: current?.revision ?? null,
    },
  };
}

/** Article id and public revision for a slug: what the public feedback form needs. */
export async function findPublicArticleTarget(slug: string) {
  const article = await db().article.findUnique({
    where: { slug },
    select: { id: true, currentRevision: true, publishedRevision: true, approvedRevision: true },
  });
  if (!article) return null;
  return { id: article.id, publicRevision: publicRevisionOf(article)?.revision ?? null };
}
