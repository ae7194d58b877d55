// Custom QA rules (issue 16): CRUD for editors, and the compiled rules in force for an article.
// Every write is audited. The checks read rules on every run (like the glossary), so a new rule
// flags existing articles at once; stored risk scores catch up on their next change
// (lib/server/risk.ts).
import "server-only";

import type { UserActor } from "@/lib/auth/policy";
import { db, transaction, type Db, type Tx } from "@/lib/db";
import { badRequest, notFound } from "@/lib/errors";
import {
  compileRule,
  rulePatternProblem,
  ruleApplies,
  type RuleKind,
} from "@/lib/quality/checks/custom-rules";
import type { CompiledRule, RuleSeverity } from "@/lib/quality/checks";
import type { QaRuleInput, QaRulePatch } from "@/lib/validation/qa-rules";
import { appendAudit } from "./audit";

export const QA_RULE_LIST_LIMIT = 1_000;

export interface QaRuleView {
  id: string;
  kind: RuleKind;
  pattern: string;
  sourcePattern: string | null;
  caseSensitive: boolean;
  message: string;
  severity: RuleSeverity;
  sourceLang: string | null;
  targetLang: string | null;
  engine: string | null;
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Awaited<ReturnType<typeof rowsWithAuthor>>[number];
const rowsWithAuthor = (client: Db | Tx, where: { id?: string } = {}) =>
  client.qaRule.findMany({
    where,
    include: { createdBy: { select: { name: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QA_RULE_LIST_LIMIT,
  });

function view(r: Row): QaRuleView {
  return {
    id: r.id,
    kind: r.kind as RuleKind,
    pattern: r.pattern,
    sourcePattern: r.sourcePattern,
    caseSensitive: r.caseSensitive,
    message: r.message,
    severity: r.severity as RuleSeverity,
    sourceLang: r.sourceLang,
    targetLang: r.targetLang,
    engine: r.engine,
    enabled: r.enabled,
    createdBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}

export async function listQaRules(): Promise<QaRuleView[]> {
  return (await rowsWithAuthor(db())).map(view);
}

async function one(client: Db | Tx, id: string): Promise<QaRuleView> {
  const [row] = await rowsWithAuthor(client, { id });
  if (!row) throw notFound("QA rule");
  return view(row);
}

export async function createQaRule(
  input: QaRuleInput,
  actor: UserActor,
  requestId?: string,
): Promise<QaRuleView> {
  return transaction(async (tx) => {
    const row = await tx.qaRule.create({ data: { ...input, createdById: actor.userId } });
    await appendAudit(tx, {
      actor,
      action: "qaRule.create",
      entityType: "qaRule",
      entityId: row.id,
      data: { ...input },
      requestId,
    });
    return one(tx, row.id);
  });
}

export async function updateQaRule(
  id: string,
  patch: QaRulePatch,
  actor: UserActor,
  requestId?: string,
): Promise<QaRuleView> {
  return transaction(async (tx) => {
    const before = await tx.qaRule.findUnique({ where: { id } });
    if (!before) throw notFound("QA rule");
    // A pattern is valid only for its kind: recheck both against the kind the rule will have.
    const kind = (patch.kind ?? before.kind) as RuleKind;
    for (const field of ["pattern", "sourcePattern"] as const) {
      const value = patch[field] === undefined ? before[field] : patch[field];
      const problem = value === null ? null : rulePatternProblem(kind, value);
      if (problem) throw badRequest(`${field} ${problem}`);
    }
    await tx.qaRule.update({ where: { id }, data: { ...patch, updatedAt: new Date() } });
    const after = await one(tx, id);
    await appendAudit(tx, {
      actor,
      action: "qaRule.update",
      entityType: "qaRule",
      entityId: id,
      data: { changed: patch },
      requestId,
    });
    return after;
  });
}

export async function deleteQaRule(id: string, actor: UserActor, requestId?: string) {
  await transaction(async (tx) => {
    const before = await tx.qaRule.findUnique({ where: { id } });
    if (!before) throw notFound("QA rule");
    await tx.qaRule.delete({ where: { id } });
    await appendAudit(tx, {
      actor,
      action: "qaRule.delete",
      entityType: "qaRule",
      entityId: id,
      data: { pattern: before.pattern, kind: before.kind, message: before.message },
      requestId,
    });
  });
}

/** Enabled rules that apply to an article of this pair and engine, compiled. */
export async function rulesForArticle(
  article: { sourceLang: string; targetLang: string; engine: { name: string; version: string } },
  client: Db | Tx = db(),
): Promise<CompiledRule[]> {
  const rows = await client.qaRule.findMany({
    where: { enabled: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: QA_RULE_LIST_LIMIT,
  });
  const rules: CompiledRule[] = [];
  for (const r of rows) {
    if (!ruleApplies(r, article)) continue;
    try {
      rules.push(
        compileRule({
          id: r.id,
          kind: r.kind as RuleKind,
          pattern: r.pattern,
          sourcePattern: r.sourcePattern,
          caseSensitive: r.caseSensitive,
          message: r.message,
          severity: r.severity as RuleSeverity,
        }),
      );
    } catch {
      // Stored before a stricter check existed: skipped rather than breaking every article.
    }
  }
  return rules;
}
