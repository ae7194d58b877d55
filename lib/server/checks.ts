// Automatic QA checks on an article's current text, minus the warnings reviewers dismissed.
//
// "Run on save": the checks are pure and fast, so they are computed from the current text
// on every read instead of being stored when a revision is saved. A read right after a
// save therefore sees exactly what a run-on-save would have stored, and nothing goes
// stale when the glossary or the check rules change.
import "server-only";

import { createHash } from "node:crypto";
import type { UserActor } from "@/lib/auth/policy";
import { Prisma, db, readAll, transaction, type Db, type Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import {
  runChecks,
  type CheckContext,
  type WarningCheck,
  type LiteralismPattern,
  type Warning,
} from "@/lib/quality/checks";
import type { WarningDto } from "@/lib/quality/dto";
import { appendAudit } from "./audit";
import { refreshArticleRisk } from "./risk";
import { approvedNamesFor } from "./approved-names";
import { glossaryForPair } from "./glossary";
import { rulesForArticle } from "./qa-rules";
import { textsAtRevision } from "./revision-texts";
import type { ArticleView } from "@/lib/domain/types";
import { blankToNull } from "@/lib/text/nullable";

/**
 * Stable id of a warning: the same check saying the same thing about the same segment
 * gets the same fingerprint on every run, so a dismissal keeps matching until the text
 * changes what the warning says.
 */
export function warningFingerprint(
  w: Pick<Warning, "check" | "segmentIndex" | "message" | "ruleId">,
): string {
  // A custom rule's id joins the key, so two rules with the same message stay apart; the
  // built-in checks keep their original key (stored dismissals stay valid).
  const rule = w.ruleId === undefined ? "" : `\u0000${w.ruleId}`;
  return createHash("sha256")
    .update(`${w.check}\u0000${w.segmentIndex}\u0000${w.message}${rule}`)
    .digest("hex")
    .slice(0, 32);
}

export function withFingerprint(w: Warning): WarningDto {
  return { ...w, fingerprint: warningFingerprint(w) };
}

/** Custom literalism rules from GALLEY_LITERALISM_PATTERNS (validated in lib/env.ts). */
export function literalismPatterns(): LiteralismPattern[] {
  return (env().GALLEY_LITERALISM_PATTERNS ?? []).map((p) => ({
    pattern: new RegExp(p.pattern, [...new Set(`${p.flags ?? ""}u`)].join("")),
    message: p.message,
  }));
}

/**
 * The check context for the article's current text: sources, glossary, custom rules.
 * Pass `view` (the article at its current revision) when the caller already loaded it,
 * and `client` (a transaction) when the caller holds one: a second pooled connection
 * taken while a transaction waits on a lock can starve the pool.
 */
export async function articleCheckContext(
  articleId: string,
  view?: ArticleView,
  client: Db | Tx = db(),
): Promise<CheckContext> {
  if (view) {
    const engine = { name: view.engine.name, version: view.engine.version ?? "" };
    return {
      sourceLang: view.sourceLang,
      targetLang: view.targetLang,
      segments: view.segments.map((s) => ({
        index: s.index,
        source: s.source,
        text: s.text,
        kind: s.kind,
      })),
      glossary: await glossaryForPair(view.sourceLang, view.targetLang, client),
      literalismPatterns: literalismPatterns(),
      rules: await rulesForArticle({ ...view, engine }, client),
      approvedNames: await approvedNamesFor(view.targetLang, client),
    };
  }
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: {
      sourceLang: true,
      targetLang: true,
      currentRevision: true,
      engine: { select: { name: true, version: true } },
      segments: {
        select: { index: true, kind: true, source: true, mt: true },
        orderBy: { index: "asc" },
      },
    },
  });
  if (!article) throw notFound("Article");
  const [texts, glossary, rules, approvedNames] = await readAll(client, [
    () => textsAtRevision(client, articleId, article.currentRevision),
    () => glossaryForPair(article.sourceLang, article.targetLang, client),
    () => rulesForArticle(article, client),
    () => approvedNamesFor(article.targetLang, client),
  ]);
  return {
    sourceLang: article.sourceLang,
    targetLang: article.targetLang,
    segments: article.segments.map((s) => ({
      index: s.index,
      source: s.source,
      text: texts.get(s.index) ?? s.mt,
      kind: s.kind,
    })),
    glossary,
    literalismPatterns: literalismPatterns(),
    rules,
    approvedNames,
  };
}

const dismissalKey = (d: { segmentIndex: number; check: string; fingerprint: string }) =>
  `${d.segmentIndex}|${d.check}|${d.fingerprint}`;

/** Keeps only warnings nobody dismissed. */
export function withoutDismissed(
  warnings: readonly WarningDto[],
  dismissals: readonly { segmentIndex: number; check: string; fingerprint: string }[],
): WarningDto[] {
  const dismissed = new Set(dismissals.map(dismissalKey));
  return warnings.filter((w) => !dismissed.has(dismissalKey(w)));
}

/** Current warnings for the article, with fingerprints, dismissed ones left out. */
export async function getArticleWarnings(
  articleId: string,
  view?: ArticleView,
  client: Db | Tx = db(),
): Promise<WarningDto[]> {
  const ctx = await articleCheckContext(articleId, view, client);
  return warningsForContext(articleId, ctx, client);
}

/** The open warnings of an article whose check context the caller already built. */
export async function warningsForContext(
  articleId: string,
  ctx: CheckContext,
  client: Db | Tx = db(),
): Promise<WarningDto[]> {
  const dismissals = await client.qaDismissal.findMany({
    where: { articleId },
    select: { segmentIndex: true, check: true, fingerprint: true },
  });
  return withoutDismissed(runChecks(ctx).map(withFingerprint), dismissals);
}

export interface DismissInput {
  articleId: string;
  segmentIndex: number;
  check: WarningCheck;
  fingerprint: string;
  reason?: string | null;
}

/**
 * Records that a reviewer judged a warning wrong or irrelevant. The warning must be one
 * the article shows now (404 otherwise: it may have been fixed meanwhile). Dismissing
 * twice is harmless: the second call reports `created: false` and writes nothing.
 */
export async function dismissWarning(
  input: DismissInput,
  actor: UserActor,
  requestId?: string,
): Promise<{ created: boolean; id: string }> {
  const ctx = await articleCheckContext(input.articleId);
  const current = runChecks(ctx)
    .map(withFingerprint)
    .find(
      (w) =>
        w.segmentIndex === input.segmentIndex &&
        w.check === input.check &&
        w.fingerprint === input.fingerprint,
    );
  if (!current) throw notFound("Warning (it may already be fixed)");
  const key = {
    articleId: input.articleId,
    segmentIndex: input.segmentIndex,
    check: input.check,
    fingerprint: input.fingerprint,
  };
  try {
    return await insertDismissal(key, current.message, input.reason, actor, requestId);
  } catch (err) {
    // A concurrent dismissal of the same warning won the unique index.
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      const winner = await db().qaDismissal.findUniqueOrThrow({
        where: { articleId_segmentIndex_check_fingerprint: key },
      });
      return { created: false, id: winner.id };
    }
    throw err;
  }
}

async function insertDismissal(
  key: { articleId: string; segmentIndex: number; check: string; fingerprint: string },
  message: string,
  rawReason: string | null | undefined,
  actor: UserActor,
  requestId?: string,
): Promise<{ created: boolean; id: string }> {
  return transaction(async (tx) => {
    const existing = await tx.qaDismissal.findUnique({
      where: { articleId_segmentIndex_check_fingerprint: key },
    });
    if (existing) return { created: false, id: existing.id };
    const reason = blankToNull(rawReason);
    const row = await tx.qaDismissal.create({
      data: { ...key, reason, dismissedById: actor.userId },
    });
    await refreshArticleRisk(tx, key.articleId);
    await appendAudit(tx, {
      actor,
      action: "qa.dismiss",
      entityType: "article",
      entityId: key.articleId,
      data: { segmentIndex: key.segmentIndex, check: key.check, message, reason },
      requestId,
    });
    return { created: true, id: row.id };
  });
}
