// MQM error annotations: a span of one segment, on one revision, with a category and severity.
//
// Anchoring: an annotation belongs to the revision it was made on (revisionNumber) and
// keeps the spanned text (quote). Later edits do not move or delete it: the workspace
// highlights it only while the text still has the quote at [start, end), and otherwise
// shows it in the list with its quote and revision. Re-anchoring by diff was rejected:
// after an edit the error usually no longer exists, and a guessed position would mislead.
//
// Who may do what (policy permission `annotate:revision` on every write, then):
// - edit note/category/severity: only the author;
// - resolve, reject or reopen: the author, or anyone with `approve:article` (editors),
//   who settle disputed annotations during approval.
import "server-only";

import { can, type UserActor } from "@/lib/auth/policy";
import { db, transaction, type Tx } from "@/lib/db";
import { badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import type { AnnotationDto, AnnotationStatus, AnnotationTarget } from "@/lib/quality/dto";
import {
  MQM_CATEGORY_NAMES,
  formatCategory,
  mqmSeveritySchema,
  parseCategory,
  type MqmSeverity,
} from "@/lib/quality/mqm";
import { lockArticle } from "./articles";
import { appendAudit } from "./audit";
import { textsAtRevision } from "./revision-texts";
import { blankToNull } from "@/lib/text/nullable";

export interface CreateAnnotationInput {
  articleId: string;
  segmentIndex: number;
  start: number;
  end: number;
  category: string;
  severity: string;
  note?: string | null;
  target?: AnnotationTarget;
  /** The text the client selected; when given it must equal the span (else 409: stale view). */
  quote?: string;
}

const authorSelect = { author: { select: { id: true, name: true } } } as const;

type AnnotationRow = {
  id: string;
  articleId: string;
  segmentIndex: number;
  revisionNumber: number;
  target: string;
  start: number;
  end: number;
  quote: string;
  category: string;
  severity: string;
  note: string | null;
  status: AnnotationStatus;
  createdAt: Date;
  updatedAt: Date;
  author: { id: string; name: string };
};

export function toAnnotationDto(a: AnnotationRow): AnnotationDto {
  return {
    id: a.id,
    articleId: a.articleId,
    segmentIndex: a.segmentIndex,
    revisionNumber: a.revisionNumber,
    target: a.target === "MT" ? "MT" : "TEXT",
    start: a.start,
    end: a.end,
    quote: a.quote,
    category: a.category,
    severity: a.severity,
    note: a.note,
    status: a.status,
    author: a.author,
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** Canonical "Top" or "Top/Sub"; 400 naming every valid category otherwise. */
export function canonicalCategory(value: string): string {
  const parsed = parseCategory(value);
  if (!parsed) {
    throw badRequest(
      `Unknown MQM category "${value}". Valid categories: ${MQM_CATEGORY_NAMES.join(", ")}.`,
      { validCategories: MQM_CATEGORY_NAMES },
    );
  }
  return formatCategory(parsed);
}

function canonicalSeverity(value: string): MqmSeverity {
  const parsed = mqmSeveritySchema.safeParse(value.trim().toLowerCase());
  if (!parsed.success) {
    throw badRequest(`Unknown severity "${value}". Valid: ${mqmSeveritySchema.options.join(", ")}`);
  }
  return parsed.data;
}

/** A span boundary inside a surrogate pair would cut a character in half. */
function splitsCharacter(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const before = text.charCodeAt(offset - 1);
  const at = text.charCodeAt(offset);
  return before >= 0xd800 && before <= 0xdbff && at >= 0xdc00 && at <= 0xdfff;
}

function assertSpan(text: string, start: number, end: number): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || start >= end) {
    throw badRequest("The span needs 0 ≤ start < end", { start, end, length: text.length });
  }
  if (end > text.length) {
    throw badRequest(`The span ends at ${end} but the segment text has ${text.length} characters`, {
      start,
      end,
      length: text.length,
    });
  }
  if (splitsCharacter(text, start) || splitsCharacter(text, end)) {
    throw badRequest("The span boundaries must not split a character", { start, end });
  }
}

export async function createAnnotation(
  input: CreateAnnotationInput,
  actor: UserActor,
  requestId?: string,
): Promise<AnnotationDto> {
  const category = canonicalCategory(input.category);
  const severity = canonicalSeverity(input.severity);
  const target = input.target ?? "TEXT";
  return transaction(async (tx) => {
    // Locking the article keeps "current revision" and its text consistent with each other.
    const article = await lockArticle(tx, input.articleId);
    const segment = await tx.segment.findUnique({
      where: { articleId_index: { articleId: input.articleId, index: input.segmentIndex } },
      select: { mt: true },
    });
    if (!segment) throw badRequest(`Segment ${input.segmentIndex} does not exist in this article`);
    const text =
      target === "MT"
        ? segment.mt
        : ((await segmentTextAt(
            tx,
            input.articleId,
            input.segmentIndex,
            article.currentRevision,
          )) ?? segment.mt);
    assertSpan(text, input.start, input.end);
    const quote = text.slice(input.start, input.end);
    if (input.quote !== undefined && input.quote !== quote) {
      throw conflict("The segment text changed since it was loaded; reload and select again", {
        currentRevision: article.currentRevision,
      });
    }
    const created = await tx.annotation.create({
      data: {
        articleId: input.articleId,
        revisionNumber: article.currentRevision,
        segmentIndex: input.segmentIndex,
        target,
        start: input.start,
        end: input.end,
        quote,
        category,
        severity,
        note: blankToNull(input.note),
        authorId: actor.userId,
      },
      include: authorSelect,
    });
    await appendAudit(tx, {
      actor,
      action: "annotation.create",
      entityType: "annotation",
      entityId: created.id,
      data: {
        articleId: input.articleId,
        revision: article.currentRevision,
        segmentIndex: input.segmentIndex,
        target,
        start: input.start,
        end: input.end,
        category,
        severity,
      },
      requestId,
    });
    return toAnnotationDto(created);
  });
}

async function segmentTextAt(tx: Tx, articleId: string, index: number, revision: number) {
  return (await textsAtRevision(tx, articleId, revision)).get(index);
}

async function lockAnnotation(tx: Tx, articleId: string, id: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "Annotation" WHERE "id" = ${id} AND "articleId" = ${articleId} FOR UPDATE`;
  if (!rows[0]) throw notFound("Annotation");
  return tx.annotation.findUniqueOrThrow({ where: { id }, include: authorSelect });
}

export interface UpdateAnnotationInput {
  category?: string;
  severity?: string;
  /** null or "" clears the note. */
  note?: string | null;
}

/** Edits note, category or severity. Only the author may (403 for anyone else). */
export async function updateAnnotation(
  articleId: string,
  id: string,
  input: UpdateAnnotationInput,
  actor: UserActor,
  requestId?: string,
): Promise<AnnotationDto> {
  const data: { category?: string; severity?: string; note?: string | null } = {};
  if (input.category !== undefined) data.category = canonicalCategory(input.category);
  if (input.severity !== undefined) data.severity = canonicalSeverity(input.severity);
  if (input.note !== undefined) data.note = blankToNull(input.note);
  return transaction(async (tx) => {
    const before = await lockAnnotation(tx, articleId, id);
    if (before.authorId !== actor.userId) {
      throw forbidden("Only the author can edit an annotation");
    }
    const changes = Object.fromEntries(
      Object.entries(data)
        .filter(([k, v]) => before[k as keyof typeof data] !== v)
        .map(([k, v]) => [k, { from: before[k as keyof typeof data], to: v }]),
    );
    if (Object.keys(changes).length === 0) return toAnnotationDto(before);
    const updated = await tx.annotation.update({
      where: { id },
      data: { ...data, updatedAt: new Date() },
      include: authorSelect,
    });
    await appendAudit(tx, {
      actor,
      action: "annotation.update",
      entityType: "annotation",
      entityId: id,
      data: { articleId, changes },
      requestId,
    });
    return toAnnotationDto(updated);
  });
}

/** Anyone who may settle this annotation: its author or an approver. */
export function canResolveAnnotation(actor: UserActor, authorId: string): boolean {
  return actor.userId === authorId || can(actor, "approve:article");
}

/** RESOLVED (fixed), REJECTED (not an error; left out of MQM scores) or OPEN (reopen). */
export async function resolveAnnotation(
  articleId: string,
  id: string,
  status: AnnotationStatus,
  actor: UserActor,
  requestId?: string,
): Promise<AnnotationDto> {
  return transaction(async (tx) => {
    const before = await lockAnnotation(tx, articleId, id);
    if (!canResolveAnnotation(actor, before.authorId)) {
      throw forbidden("Only the author or an approver can resolve or reject an annotation");
    }
    if (before.status === status) return toAnnotationDto(before);
    const updated = await tx.annotation.update({
      where: { id },
      data: { status, updatedAt: new Date() },
      include: authorSelect,
    });
    await appendAudit(tx, {
      actor,
      action: "annotation.resolve",
      entityType: "annotation",
      entityId: id,
      data: { articleId, from: before.status, to: status },
      requestId,
    });
    return toAnnotationDto(updated);
  });
}

/** Every annotation on the article, by segment then position. 404 for an unknown article. */
export async function listAnnotations(articleId: string): Promise<AnnotationDto[]> {
  const article = await db().article.findUnique({ where: { id: articleId }, select: { id: true } });
  if (!article) throw notFound("Article");
  const rows = await db().annotation.findMany({
    where: { articleId },
    include: authorSelect,
    orderBy: [{ segmentIndex: "asc" }, { start: "asc" }, { createdAt: "asc" }],
  });
  return rows.map(toAnnotationDto);
}
