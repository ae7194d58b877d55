// The newsroom's approved spellings of names (issue 16, "fix once, flag everywhere"). A
// reviewer who corrects a name in the workspace can add the corrected spelling here; from then
// on every article in that target language whose text uses another variant gets an
// "approved-name" warning with a one-click replace (lib/quality/checks/approved-names.ts).
import "server-only";

import type { UserActor } from "@/lib/auth/policy";
import { Prisma, db, transaction, type Db, type Tx } from "@/lib/db";
import { conflict, notFound } from "@/lib/errors";
import type { ApprovedName } from "@/lib/quality/checks";
import type { ApprovedNameInput } from "@/lib/validation/approved-names";
import { appendAudit } from "./audit";

export const APPROVED_NAME_LIMIT = 5_000;

export interface ApprovedNameView {
  id: string;
  targetLang: string;
  spelling: string;
  kind: ApprovedName["kind"];
  note: string | null;
  createdBy: string | null;
  createdAt: string;
}

export async function listApprovedNames(targetLang?: string): Promise<ApprovedNameView[]> {
  const rows = await db().approvedName.findMany({
    where: { targetLang: targetLang?.toLowerCase() },
    include: { createdBy: { select: { name: true } } },
    orderBy: [{ targetLang: "asc" }, { spelling: "asc" }],
    take: APPROVED_NAME_LIMIT,
  });
  return rows.map((r) => ({
    id: r.id,
    targetLang: r.targetLang,
    spelling: r.spelling,
    kind: r.kind as ApprovedName["kind"],
    note: r.note,
    createdBy: r.createdBy?.name ?? null,
    createdAt: r.createdAt.toISOString(),
  }));
}

/** What the approved-name check needs for articles translated into `targetLang`. */
export async function approvedNamesFor(
  targetLang: string,
  client: Db | Tx = db(),
): Promise<ApprovedName[]> {
  const rows = await client.approvedName.findMany({
    where: { targetLang: targetLang.toLowerCase() },
    select: { spelling: true, kind: true },
    take: APPROVED_NAME_LIMIT,
  });
  return rows.map((r) => ({ spelling: r.spelling, kind: r.kind as ApprovedName["kind"] }));
}

export async function createApprovedName(
  input: ApprovedNameInput,
  actor: UserActor,
  requestId?: string,
): Promise<ApprovedNameView> {
  try {
    return await transaction(async (tx) => {
      const row = await tx.approvedName.create({ data: { ...input, createdById: actor.userId } });
      await appendAudit(tx, {
        actor,
        action: "approvedName.create",
        entityType: "approvedName",
        entityId: row.id,
        data: { ...input },
        requestId,
      });
      return {
        id: row.id,
        targetLang: row.targetLang,
        spelling: row.spelling,
        kind: row.kind as ApprovedName["kind"],
        note: row.note,
        createdBy: actor.name,
        createdAt: row.createdAt.toISOString(),
      };
    });
  } catch (err) {
    if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002") {
      throw conflict(`"${input.spelling}" is already an approved spelling`);
    }
    throw err;
  }
}

export async function deleteApprovedName(id: string, actor: UserActor, requestId?: string) {
  await transaction(async (tx) => {
    const before = await tx.approvedName.findUnique({ where: { id } });
    if (!before) throw notFound("Approved name");
    await tx.approvedName.delete({ where: { id } });
    await appendAudit(tx, {
      actor,
      action: "approvedName.delete",
      entityType: "approvedName",
      entityId: id,
      data: { spelling: before.spelling, targetLang: before.targetLang },
      requestId,
    });
  });
}
