import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { Prisma, db, transaction, type Tx } from "@/lib/db";
import type { ArticleStatus, IngestSegment } from "@/lib/domain/types";
import { env } from "@/lib/env";
import { badRequest, conflict, tooLarge } from "@/lib/errors";
import { DEFAULT_FOOTER_PATTERNS, parseFooterPatterns } from "@/lib/ingest/footer";
import { contentHash, countWords, makeSlug } from "@/lib/ingest/identity";
import {
  hashedMetadata,
  metadataColumns,
  metadataFromInput,
  type ArticleMetadata,
} from "@/lib/ingest/metadata";
import { INGEST_LIMITS, type IngestArticleInput } from "@/lib/ingest/schema";
import { ParagraphCountMismatch, buildSegments } from "@/lib/ingest/segments";
import { emptyToNull } from "@/lib/text/nullable";
import { emitEvents } from "./events";
import { appendAuditMany } from "./audit";
import { scoreNewArticles } from "./risk";

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

interface IngestOptions {
  requestId?: string;
  kind?: "INGEST" | "IMPORT";
}

/** An article checked and split into segments: everything but the database work. */
export interface PreparedIngest {
  input: IngestArticleInput;
  segments: IngestSegment[];
  footer: string | null;
  engine: { name: string; version: string };
  metadata: ArticleMetadata;
  hash: string;
  outlet: string;
  externalId: string | null;
}

function footerPatterns(): RegExp[] {
  const configured = env().GALLEY_FOOTER_PATTERNS;
  return configured ? parseFooterPatterns(configured) : DEFAULT_FOOTER_PATTERNS;
}

/** Splits and checks an article (400/413 for what cannot be stored); touches no database. */
export function prepareIngest(input: IngestArticleInput): PreparedIngest {
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
  const metadata = metadataFromInput(input);
  const hash = contentHash({
    sourceLang: input.sourceLang,
    targetLang: input.targetLang,
    engine,
    metadata: hashedMetadata(metadata),
    footer: built.footer,
    segments: built.segments,
  });
  return {
    input,
    segments: built.segments,
    footer: built.footer,
    engine,
    metadata,
    hash,
    outlet: input.outlet ?? "",
    externalId: input.externalId ?? null,
  };
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
  opts: IngestOptions = {},
): Promise<IngestResult> {
  return ingestPrepared(prepareIngest(input), actor, opts);
}

export async function ingestPrepared(
  p: PreparedIngest,
  actor: Actor,
  opts: IngestOptions = {},
): Promise<IngestResult> {
  if (p.externalId) {
    const existing = await findExisting([p]);
    const found = existing.get(keyOf(p));
    if (found) return existingOrConflict(found, p.hash);
  }
  const engineRow = await ensureEngine(p.engine);
  try {
    const [result] = await transaction((tx) =>
      storeArticles(tx, [{ prepared: p, engineId: engineRow.id }], actor, opts),
    );
    return result!;
  } catch (err) {
    // Two concurrent ingests of the same externalId: the loser re-reads the winner.
    if (p.externalId && isUniqueViolation(err)) {
      const found = (await findExisting([p])).get(keyOf(p));
      if (found) return existingOrConflict(found, p.hash);
    }
    throw err;
  }
}

/**
 * Stores many checked articles with one round trip per table and one audit append, so a
 * 10,000-line import costs tens of transactions, not tens of thousands. Each result is
 * what `ingestPrepared` would give for that article, or the AppError it would throw.
 * Articles that exist are answered from the database; if the batch fails to store (a
 * concurrent import of the same article), every article is retried on its own.
 */
export async function ingestBatch(
  batch: PreparedIngest[],
  actor: Actor,
  opts: IngestOptions = {},
): Promise<(IngestResult | Error)[]> {
  const keys = batch.filter((p) => p.externalId).map(keyOf);
  if (new Set(keys).size !== keys.length) {
    throw new Error("ingestBatch: an article appears twice in one batch");
  }
  const results: (IngestResult | Error)[] = new Array(batch.length);
  const existing = await findExisting(batch);
  const fresh: { at: number; prepared: PreparedIngest }[] = [];
  batch.forEach((p, at) => {
    const found = p.externalId ? existing.get(keyOf(p)) : undefined;
    if (!found) fresh.push({ at, prepared: p });
    else {
      try {
        results[at] = existingOrConflict(found, p.hash);
      } catch (err) {
        results[at] = err as Error;
      }
    }
  });
  const engines = new Map<string, string>();
  for (const { prepared } of fresh) {
    const key = `${prepared.engine.name}\u0000${prepared.engine.version}`;
    if (!engines.has(key)) engines.set(key, (await ensureEngine(prepared.engine)).id);
  }
  const items = fresh.map(({ prepared }) => ({
    prepared,
    engineId: engines.get(`${prepared.engine.name}\u0000${prepared.engine.version}`)!,
  }));
  try {
    const stored = await transaction((tx) => storeArticles(tx, items, actor, opts));
    stored.forEach((r, i) => (results[fresh[i]!.at] = r));
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    for (const { at, prepared } of fresh) {
      try {
        results[at] = await ingestPrepared(prepared, actor, opts);
      } catch (e) {
        results[at] = e as Error;
      }
    }
  }
  return results;
}

async function storeArticles(
  tx: Tx,
  items: { prepared: PreparedIngest; engineId: string }[],
  actor: Actor,
  opts: IngestOptions,
): Promise<IngestResult[]> {
  if (items.length === 0) return [];
  const slugs = items.map(({ prepared: p }) => makeSlug(p.segments[0]!.mt));
  const created = await tx.article.createManyAndReturn({
    data: items.map(({ prepared: p, engineId }, i) => ({
      slug: slugs[i]!,
      outlet: p.outlet,
      externalId: p.externalId,
      ...metadataColumns(p.metadata),
      sourceLang: p.input.sourceLang,
      targetLang: p.input.targetLang,
      engineId,
      footer: p.footer,
      title: p.segments[0]!.mt,
      contentHash: p.hash,
      searchText: p.segments.map((s) => s.mt).join("\n"),
      wordCount: countWords(p.segments.map((s) => s.mt)),
    })),
    select: { id: true, slug: true },
  });
  // Matched by slug (unique), not by the order RETURNING happens to use.
  const idOf = new Map(created.map((a) => [a.slug, a.id]));
  const ids = slugs.map((s) => idOf.get(s)!);
  const all = <T>(f: (p: PreparedIngest, articleId: string) => T[]) =>
    items.flatMap(({ prepared }, i) => f(prepared, ids[i]!));
  await tx.segment.createMany({
    data: all((p, articleId) =>
      p.segments.map((s, index) => ({
        articleId,
        index,
        kind: s.kind,
        source: s.source,
        mt: s.mt,
      })),
    ),
  });
  await tx.segmentText.createMany({
    data: all((p, articleId) =>
      p.segments.map((s, index) => ({
        articleId,
        segmentIndex: index,
        revisionNumber: 1,
        text: s.mt,
      })),
    ),
  });
  await scoreNewArticles(
    tx,
    items.map(({ prepared: p, engineId }, i) => ({
      id: ids[i]!,
      engineId,
      sourceLang: p.input.sourceLang,
      targetLang: p.input.targetLang,
      engine: p.engine,
      segments: p.segments,
    })),
  );
  const userId = actor.type === "USER" || actor.type === "TOKEN" ? actor.userId : null;
  await tx.revision.createMany({
    data: items.map(({ prepared: p }, i) => ({
      articleId: ids[i]!,
      number: 1,
      kind: opts.kind ?? "INGEST",
      authorId: userId,
      tokenId: actor.type === "TOKEN" ? actor.tokenId : null,
      summary: "Machine translation as ingested",
      status: "NEW" as const,
      segmentsChanged: p.segments.length,
      wordsAdded: countWords(p.segments.map((s) => s.mt)),
    })),
  });
  await appendAuditMany(
    tx,
    items.map(({ prepared: p }, i) => ({
      actor,
      action: "article.ingest",
      entityType: "article",
      entityId: ids[i]!,
      data: {
        slug: slugs[i],
        externalId: p.externalId,
        outlet: emptyToNull(p.outlet),
        engine: p.engine,
        segmentCount: p.segments.length,
        footer: p.footer !== null,
      },
      requestId: opts.requestId,
    })),
  );
  await emitEvents(
    tx,
    "article.ingested",
    items.map(({ prepared: p }, i) => ({
      articleId: ids[i]!,
      data: {
        articleId: ids[i]!,
        slug: slugs[i]!,
        outlet: emptyToNull(p.outlet),
        externalId: p.externalId,
        title: p.segments[0]!.mt,
        sourceLang: p.input.sourceLang,
        targetLang: p.input.targetLang,
        engine: p.engine,
        segmentCount: p.segments.length,
        revision: 1,
        status: "NEW",
      },
    })),
  );
  return items.map(({ prepared: p }, i) => ({
    created: true,
    article: {
      id: ids[i]!,
      slug: slugs[i]!,
      status: "NEW" as const,
      segmentCount: p.segments.length,
      revision: 1,
    },
  }));
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
    if (isUniqueViolation(err)) {
      return db().engine.findUniqueOrThrow({ where: { name_version: engine } });
    }
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

const keyOf = (p: { outlet: string; externalId: string | null }) =>
  `${p.outlet}\u0000${p.externalId}`;

interface ExistingArticle {
  id: string;
  slug: string;
  status: ArticleStatus;
  outlet: string;
  externalId: string | null;
  currentRevision: number;
  contentHash: string;
  _count: { segments: number };
}

/** The stored articles among these, by outlet + externalId (articles without one are new). */
async function findExisting(batch: PreparedIngest[]): Promise<Map<string, ExistingArticle>> {
  const withId = batch.filter((p) => p.externalId);
  if (withId.length === 0) return new Map();
  const rows = await db().article.findMany({
    where: { OR: withId.map((p) => ({ outlet: p.outlet, externalId: p.externalId })) },
    select: {
      id: true,
      slug: true,
      status: true,
      outlet: true,
      externalId: true,
      currentRevision: true,
      contentHash: true,
      _count: { select: { segments: true } },
    },
  });
  return new Map(rows.map((r) => [keyOf(r), r]));
}

function existingOrConflict(existing: ExistingArticle, hash: string): IngestResult {
  if (existing.contentHash !== hash) {
    throw conflict(
      `An article with this externalId and outlet already exists (${existing.id}) with different content`,
      { existingId: existing.id },
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
