import "server-only";
import { Prisma, db } from "@/lib/db";
import { emptyToNull } from "@/lib/text/nullable";

// Published corrections for the Atom feed (issue 17 item 7). Only public data: a correction
// is a publication (lib/domain/corrections.ts), and the headline is the title at the
// corrected revision, which that publication made public. Drafts, approvals and later
// unpublished revisions never appear.

/** The most entries one feed carries: readers poll, and old corrections stay on /read. */
export const CORRECTIONS_FEED_LIMIT = 50;

export interface PublishedCorrection {
  publicationId: string;
  slug: string;
  outlet: string | null;
  headline: string;
  revision: number;
  note: string | null;
  publishedAt: Date;
}

/**
 * The newest published corrections, all outlets or one (`outlet` = Article.outlet, exactly).
 * A publication is a correction when an earlier publication of the article exists and the
 * one just before it published another revision: the SQL form of distinctPublications +
 * correctionsOf, ordered the same way (publishedAt, then id).
 */
export async function listPublishedCorrections(input: {
  outlet: string | null;
  limit?: number;
}): Promise<PublishedCorrection[]> {
  const limit = Math.min(input.limit ?? CORRECTIONS_FEED_LIMIT, CORRECTIONS_FEED_LIMIT);
  const byOutlet =
    input.outlet === null ? Prisma.empty : Prisma.sql`WHERE a."outlet" = ${input.outlet}`;
  const rows = await db().$queryRaw<
    {
      id: string;
      slug: string;
      outlet: string;
      headline: string | null;
      revision: number;
      note: string | null;
      publishedAt: Date;
    }[]
  >`
    WITH pubs AS (
      SELECT p."id", p."articleId", p."revisionNumber", p."publishedAt", p."note",
             LAG(p."revisionNumber") OVER (
               PARTITION BY p."articleId" ORDER BY p."publishedAt", p."id"
             ) AS "previous"
      FROM "Publication" p
      JOIN "Article" a ON a."id" = p."articleId"
      ${byOutlet}
    )
    SELECT c."id", a."slug", a."outlet", c."revisionNumber" AS "revision", c."note",
           c."publishedAt", h."text" AS "headline"
    FROM pubs c
    JOIN "Article" a ON a."id" = c."articleId"
    LEFT JOIN LATERAL (
      SELECT st."text" FROM "SegmentText" st
      WHERE st."articleId" = c."articleId" AND st."segmentIndex" = 0
        AND st."revisionNumber" <= c."revisionNumber"
      ORDER BY st."revisionNumber" DESC LIMIT 1
    ) h ON true
    WHERE c."previous" IS NOT NULL AND c."previous" <> c."revisionNumber"
    ORDER BY c."publishedAt" DESC, c."id" DESC
    LIMIT ${limit}`;
  return rows.map((r) => ({
    publicationId: r.id,
    slug: r.slug,
    outlet: emptyToNull(r.outlet),
    headline: r.headline ?? "",
    revision: r.revision,
    note: r.note,
    publishedAt: r.publishedAt,
  }));
}
