// Glossary terms per language pair. The QA glossary check reads them; editors manage them
// on /glossary and through /api/v1/glossary. Every write is audited.
import "server-only";

import type { UserActor } from "@/lib/auth/policy";
import { Prisma, db, transaction, type Db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import { baseLanguage } from "@/lib/quality/korean-numbers";
import type { GlossaryEntry } from "@/lib/quality/checks";
import type { GlossaryTermInput } from "@/lib/validation/glossary";
import { appendAudit } from "./audit";

/** Lists and exports stop here; narrow by language pair beyond that. */
export const GLOSSARY_LIST_LIMIT = 20_000;

export interface GlossaryTermView {
  id: string;
  sourceLang: string;
  targetLang: string;
  sourceTerm: string;
  targetTerm: string;
  note: string | null;
  createdBy: string | null;
  updatedAt: string;
}

export async function listGlossary(
  filter: { sourceLang?: string; targetLang?: string } = {},
): Promise<{ items: GlossaryTermView[]; truncated: boolean }> {
  const rows = await db().glossaryTerm.findMany({
    where: {
      sourceLang: filter.sourceLang?.toLowerCase(),
      targetLang: filter.targetLang?.toLowerCase(),
    },
    include: { createdBy: { select: { name: true } } },
    orderBy: [{ sourceLang: "asc" }, { targetLang: "asc" }, { sourceTerm: "asc" }],
    take: GLOSSARY_LIST_LIMIT + 1,
  });
  return {
    items: rows.slice(0, GLOSSARY_LIST_LIMIT).map((r) => ({
      id: r.id,
      sourceLang: r.sourceLang,
      targetLang: r.targetLang,
      sourceTerm: r.sourceTerm,
      targetTerm: r.targetTerm,
      note: r.note,
      createdBy: r.createdBy?.name ?? null,
      updatedAt: r.updatedAt.toISOString(),
    })),
    truncated: rows.length > GLOSSARY_LIST_LIMIT,
  };
}

export async function listGlossaryPairs() {
  const groups = await db().glossaryTerm.groupBy({
    by: ["sourceLang", "targetLang"],
    _count: { _all: true },
    orderBy: [{ sourceLang: "asc" }, { targetLang: "asc" }],
  });
  return groups.map((g) => ({
    sourceLang: g.sourceLang,
    targetLang: g.targetLang,
    count: g._count._all,
  }));
}

/**
 * Entries for an article's language pair, for the QA checks. A glossary for the base
 * language applies to regional tags too ("en" terms apply to an "en-GB" article).
 */
export async function glossaryForPair(
  sourceLang: string,
  targetLang: string,
  client: Db | Tx = db(),
): Promise<GlossaryEntry[]> {
  const tags = (tag: string) => [...new Set([tag.toLowerCase(), baseLanguage(tag)])];
  const rows = await client.glossaryTerm.findMany({
    where: { sourceLang: { in: tags(sourceLang) }, targetLang: { in: tags(targetLang) } },
    select: { sourceTerm: true, targetTerm: true, note: true },
    orderBy: { sourceTerm: "asc" },
  });
  return rows.map((r) => ({ source: r.sourceTerm, target: r.targetTerm, note: r.note }));
}

function duplicate(input: GlossaryTermInput) {
  return conflict(
    `"${input.sourceTerm}" is already in the ${input.sourceLang}→${input.targetLang} glossary`,
  );
}

const isUniqueViolation = (err: unknown) =>
  err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";

export async function createGlossaryTerm(
  input: GlossaryTermInput,
  actor: UserActor,
  requestId?: string,
): Promise<GlossaryTermView> {
  try {
    return await transaction(async (tx) => {
      const term = await tx.glossaryTerm.create({ data: { ...input, createdById: actor.userId } });
      await appendAudit(tx, {
        actor,
        action: "glossary.create",
        entityType: "glossaryTerm",
        entityId: term.id,
        data: { ...input },
        requestId,
      });
      return {
        ...input,
        id: term.id,
        createdBy: actor.name,
        updatedAt: term.updatedAt.toISOString(),
      };
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(input);
    throw err;
  }
}

export async function updateGlossaryTerm(
  id: string,
  input: GlossaryTermInput,
  actor: UserActor,
  requestId?: string,
): Promise<void> {
  try {
    await transaction(async (tx) => {
      const before = await tx.glossaryTerm.findUnique({ where: { id } });
      if (!before) throw notFound("Glossary term");
      await tx.glossaryTerm.update({ where: { id }, data: { ...input, updatedAt: new Date() } });
      await appendAudit(tx, {
        actor,
        action: "glossary.update",
        entityType: "glossaryTerm",
        entityId: id,
        data: {
          before: {
            sourceLang: before.sourceLang,
            targetLang: before.targetLang,
            sourceTerm: before.sourceTerm,
            targetTerm: before.targetTerm,
            note: before.note,
          },
          after: { ...input },
        },
        requestId,
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw duplicate(input);
    throw err;
  }
}

export async function deleteGlossaryTerm(
  id: string,
  actor: UserActor,
  requestId?: string,
): Promise<void> {
  await transaction(async (tx) => {
    const before = await tx.glossaryTerm.findUnique({ where: { id } });
    if (!before) throw notFound("Glossary term");
    await tx.glossaryTerm.delete({ where: { id } });
    await appendAudit(tx, {
      actor,
      action: "glossary.delete",
      entityType: "glossaryTerm",
      entityId: id,
      data: {
        sourceLang: before.sourceLang,
        targetLang: before.targetLang,
        sourceTerm: before.sourceTerm,
        targetTerm: before.targetTerm,
        note: before.note,
      },
      requestId,
    });
  });
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Adds new terms and overwrites target and note of existing ones (matched by language
 * pair and source term), all in one transaction with one `glossary.import` audit event.
 */
export async function importGlossaryTerms(
  rows: readonly GlossaryTermInput[],
  actor: UserActor,
  requestId?: string,
): Promise<ImportSummary> {
  return transaction(async (tx) => {
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0 };
    const keyOf = (t: { sourceLang: string; targetLang: string; sourceTerm: string }) =>
      `${t.sourceLang}\u0000${t.targetLang}\u0000${t.sourceTerm}`;
    // One read for every pair in the file instead of one per row.
    const pairs = [...new Set(rows.map((r) => `${r.sourceLang}\u0000${r.targetLang}`))];
    const existing = new Map(
      (
        await tx.glossaryTerm.findMany({
          where: {
            OR: pairs.map((p) => {
              const [sourceLang, targetLang] = p.split("\u0000");
              return { sourceLang, targetLang };
            }),
          },
        })
      ).map((t) => [keyOf(t), t]),
    );
    const fresh: (GlossaryTermInput & { createdById: string })[] = [];
    for (const row of rows) {
      const current = existing.get(keyOf(row));
      if (!current) {
        fresh.push({ ...row, createdById: actor.userId });
      } else if (current.targetTerm !== row.targetTerm || current.note !== row.note) {
        await tx.glossaryTerm.update({
          where: { id: current.id },
          data: { targetTerm: row.targetTerm, note: row.note, updatedAt: new Date() },
        });
        summary.updated++;
      } else {
        summary.unchanged++;
      }
    }
    if (fresh.length > 0)
      summary.created = (await tx.glossaryTerm.createMany({ data: fresh })).count;
    await appendAudit(tx, {
      actor,
      action: "glossary.import",
      entityType: "glossary",
      entityId: "csv",
      data: { ...summary, rows: rows.length },
      requestId,
    });
    return summary;
  });
}
