import "server-only";
// The review queue: filters, full-text search and keyset pages of articles.
import { Prisma, db } from "@/lib/db";
import type { ArticleStatus } from "@/lib/domain/types";
import type { RiskReason } from "@/lib/quality/risk";
import {
  decodeCursor,
  decodeRiskCursor,
  encodeCursor,
  encodeRiskCursor,
} from "@/lib/validation/cursor";
import { engineConditions } from "./engine-filter";
import { emptyToNull } from "@/lib/text/nullable";

// ---------------------------------------------------------------------------
// The queue: filters, full-text search, keyset pagination on (updatedAt, id).
// ---------------------------------------------------------------------------

export interface ListArticlesQuery {
  status?: ArticleStatus;
  engine?: string;
  q?: string;
  from?: Date;
  to?: Date;
  assigneeId?: string;
  externalId?: string;
  outlet?: string;
  /** "risk": riskiest first, on the stored riskScore (indexed; see lib/server/risk.ts). */
  sort?: "updated" | "risk";
  limit: number;
  cursor?: string;
}

export interface ArticleListItem {
  id: string;
  slug: string;
  title: string;
  status: ArticleStatus;
  engine: { name: string; version: string | null };
  sourceLang: string;
  targetLang: string;
  outlet: string | null;
  externalId: string | null;
  currentRevision: number;
  newFeedback: number;
  assignee: string | null;
  createdAt: string;
  updatedAt: string;
  risk: { score: number; reasons: RiskReason[] };
}

export async function listArticles(
  q: ListArticlesQuery,
): Promise<{ items: ArticleListItem[]; nextCursor: string | null }> {
  const where: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.status) where.push(Prisma.sql`a."status" = ${q.status}::"ArticleStatus"`);
  if (q.engine) where.push(...engineConditions(q.engine));
  if (q.q) where.push(Prisma.sql`a."searchVector" @@ websearch_to_tsquery('simple', ${q.q})`);
  if (q.from) where.push(Prisma.sql`a."createdAt" >= ${q.from}`);
  if (q.to) where.push(Prisma.sql`a."createdAt" < ${q.to}`);
  if (q.assigneeId) where.push(Prisma.sql`a."assigneeId" = ${q.assigneeId}`);
  if (q.externalId) where.push(Prisma.sql`a."externalId" = ${q.externalId}`);
  if (q.outlet) where.push(Prisma.sql`a."outlet" = ${q.outlet}`);
  const byRisk = q.sort === "risk";
  if (q.cursor && byRisk) {
    const c = decodeRiskCursor(q.cursor);
    where.push(Prisma.sql`(a."riskScore", a."id") < (${c.score}, ${c.id})`);
  } else if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.push(Prisma.sql`(a."updatedAt", a."id") < (${c.updatedAt}, ${c.id})`);
  }
  const order = byRisk
    ? Prisma.sql`a."riskScore" DESC, a."id" DESC`
    : Prisma.sql`a."updatedAt" DESC, a."id" DESC`;
  const rows = await db().$queryRaw<
    {
      id: string;
      slug: string;
      title: string;
      status: ArticleStatus;
      engineName: string;
      engineVersion: string;
      sourceLang: string;
      targetLang: string;
      outlet: string;
      externalId: string | null;
      currentRevision: number;
      createdAt: Date;
      updatedAt: Date;
      assignee: string | null;
      newFeedback: number;
      riskScore: number;
      riskReasons: RiskReason[];
    }[]
  >`
    SELECT a."id", a."slug", a."title", a."status", e."name" AS "engineName", e."version" AS "engineVersion",
           a."sourceLang", a."targetLang", a."outlet", a."externalId", a."currentRevision",
           a."createdAt", a."updatedAt", u."email" AS "assignee", a."riskScore", a."riskReasons",
           (SELECT count(*)::int FROM "Feedback" f WHERE f."articleId" = a."id" AND f."status" = 'NEW') AS "newFeedback"
    FROM "Article" a
    JOIN "Engine" e ON e."id" = a."engineId"
    LEFT JOIN "User" u ON u."id" = a."assigneeId"
    WHERE ${Prisma.join(where, " AND ")}
    ORDER BY ${order}
    LIMIT ${q.limit + 1}`;
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      title: r.title,
      status: r.status,
      engine: { name: r.engineName, version: emptyToNull(r.engineVersion) },
      sourceLang: r.sourceLang,
      targetLang: r.targetLang,
      outlet: emptyToNull(r.outlet),
      externalId: r.externalId,
      currentRevision: r.currentRevision,
      newFeedback: r.newFeedback,
      assignee: r.assignee,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
      risk: { score: r.riskScore, reasons: r.riskReasons },
    })),
    nextCursor:
      rows.length > q.limit && last
        ? byRisk
          ? encodeRiskCursor(last.riskScore, last.id)
          : encodeCursor(last.updatedAt, last.id)
        : null,
  };
}

export async function listEngines() {
  return db().engine.findMany({ orderBy: [{ name: "asc" }, { version: "asc" }] });
}

/** Lock the article row for the rest of the transaction; throws 404 when missing. */
