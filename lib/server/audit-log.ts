import "server-only";
import { Prisma, db } from "@/lib/db";
import { toStoredEvent, type StoredEvent } from "@/lib/audit/chain";
import { summarizeAuditEvent } from "@/lib/audit/summary";

// Read side of the audit log: filtered, keyset-paged lists for the audit page
// and batched iteration for streamed exports. Keyset on the primary key (id)
// keeps every page and every export batch an index range scan.

export interface AuditFilter {
  /** User id, user email or an actor label such as "seed". */
  actor?: string;
  /** Exact action, or a prefix ending in "*" ("revision.*"). */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Events about this article: on it, or on its feedback and annotations (`data.articleId`). */
  articleId?: string;
  /** Inclusive lower bound on the event time. */
  from?: Date;
  /** Exclusive upper bound on the event time. */
  to?: Date;
}

/** One audit event as pages and exports show it. */
export type AuditItem = StoredEvent;

type Where = Prisma.AuditEventWhereInput;

async function whereFor(f: AuditFilter): Promise<Where[]> {
  const and: Where[] = [];
  if (f.actor) {
    const actor = f.actor.trim();
    const or: Where[] = [
      { actorId: actor },
      { actorLabel: actor },
      { actorLabel: `${actor} (token)` },
    ];
    if (actor.includes("@")) {
      const user = await db().user.findUnique({
        where: { email: actor.toLowerCase() },
        select: { id: true },
      });
      if (user) or.push({ actorId: user.id });
    } else {
      // People know each other by name.
      const named = await db().user.findMany({
        where: { name: { equals: actor, mode: "insensitive" } },
        select: { id: true },
      });
      if (named.length) or.push({ actorId: { in: named.map((u) => u.id) } });
    }
    and.push({ OR: or });
  }
  if (f.action) {
    and.push(
      f.action.endsWith("*")
        ? { action: { startsWith: f.action.slice(0, -1) } }
        : { action: f.action },
    );
  }
  if (f.entityType) and.push({ entityType: f.entityType });
  if (f.entityId) and.push({ entityId: f.entityId });
  if (f.articleId) {
    and.push({
      OR: [
        { entityType: "article", entityId: f.articleId },
        { data: { path: ["articleId"], equals: f.articleId } },
      ],
    });
  }
  if (f.from) and.push({ at: { gte: f.from } });
  if (f.to) and.push({ at: { lt: f.to } });
  return and;
}

/** An event with what a person reads it by: the article's title, the actor's name, a sentence. */
export interface ReadableAuditItem extends AuditItem {
  articleId: string | null;
  articleTitle: string | null;
  actorName: string | null;
  summary: string;
}

/** The article an event is about: its entity, or the article its feedback/annotation is on. */
function articleOf(e: AuditItem): string | null {
  if (e.entityType === "article") return e.entityId;
  const d = e.data as Record<string, unknown> | null;
  return typeof d?.articleId === "string" ? d.articleId : null;
}

/** User ids an event's data names (assignee, token owner, a user whose role changed). */
function usersOf(e: AuditItem): string[] {
  const d = (e.data ?? {}) as Record<string, unknown>;
  const ids = [e.actorId, d.to, d.from, d.userId, e.entityType === "user" ? e.entityId : null];
  return ids.filter((v): v is string => typeof v === "string" && v.length > 0);
}

/** Two lookups for a whole page: article titles and user names. */
export async function readableAuditEvents(items: AuditItem[]): Promise<ReadableAuditItem[]> {
  const articleIds = [...new Set(items.map(articleOf).filter((v): v is string => v !== null))];
  const userIds = [...new Set(items.flatMap(usersOf))];
  const [articles, users] = await Promise.all([
    articleIds.length
      ? db().article.findMany({
          where: { id: { in: articleIds } },
          select: { id: true, title: true },
        })
      : [],
    userIds.length
      ? db().user.findMany({
          where: { id: { in: userIds } },
          select: { id: true, name: true, role: true },
        })
      : [],
  ]);
  const titles = new Map(articles.map((a) => [a.id, a.title]));
  const byId = new Map(users.map((u) => [u.id, u]));
  const names = Object.fromEntries(users.map((u) => [u.id, u.name]));
  return items.map((e) => {
    const articleId = articleOf(e);
    const articleTitle = articleId ? (titles.get(articleId) ?? null) : null;
    const user = e.actorId ? byId.get(e.actorId) : undefined;
    const actor = user && e.actorType !== "ANONYMOUS" ? { name: user.name, role: user.role } : null;
    return {
      ...e,
      articleId: articleTitle !== null ? articleId : null,
      articleTitle,
      actorName: actor?.name ?? null,
      summary: summarizeAuditEvent({ ...e, actor, articleTitle, users: names }),
    };
  });
}

/** Newest first; `cursor` is the id of the last event of the previous page. */
export async function listAuditEvents(
  filter: AuditFilter,
  opts: { limit: number; cursor?: bigint },
): Promise<{ items: ReadableAuditItem[]; nextCursor: string | null }> {
  const and = await whereFor(filter);
  if (opts.cursor !== undefined) and.push({ id: { lt: opts.cursor } });
  const rows = await db().auditEvent.findMany({
    where: { AND: and },
    orderBy: { id: "desc" },
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  return {
    items: await readableAuditEvents(page.map(toStoredEvent)),
    nextCursor: rows.length > opts.limit && last ? last.id.toString() : null,
  };
}

/**
 * Every matching event in chain order (oldest first), one keyset batch at a
 * time, so an export of millions of events holds one batch in memory.
 */
export async function* auditEventBatches(
  filter: AuditFilter,
  batchSize = 1000,
): AsyncGenerator<AuditItem[]> {
  const base = await whereFor(filter);
  let after: bigint | undefined;
  for (;;) {
    const rows = await db().auditEvent.findMany({
      where: { AND: after === undefined ? base : [...base, { id: { gt: after } }] },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    if (rows.length === 0) return;
    yield rows.map(toStoredEvent);
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** What the audit page's filters offer: recent articles by title, users by name. */
export async function auditFilterChoices() {
  const [articles, users] = await Promise.all([
    db().article.findMany({
      orderBy: { updatedAt: "desc" },
      take: 300,
      select: { id: true, title: true },
    }),
    db().user.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, email: true } }),
  ]);
  return { articles, users };
}
