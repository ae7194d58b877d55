import "server-only";
import { readAll, type Db, type Tx } from "@/lib/db";
import { lastChangePerSegment } from "./revision-texts";

// Per-segment confirmation, as in CAT tools. A confirmation names the revision
// whose text it covers; when the segment changes later it no longer holds,
// without anyone having to clear it.

export interface ConfirmationProgress {
  confirmed: number;
  total: number;
  /** Segment index → confirmed at `revision`. */
  bySegment: Map<number, boolean>;
}

export async function confirmationProgress(
  client: Db | Tx,
  articleId: string,
  revision: number,
): Promise<ConfirmationProgress> {
  const [last, confirmations] = await readAll(client, [
    () => lastChangePerSegment(client, articleId, revision),
    () =>
      client.segmentConfirmation.findMany({
        where: { articleId },
        select: { segmentIndex: true, revisionNumber: true },
      }),
  ]);
  const at = new Map(confirmations.map((c) => [c.segmentIndex, c.revisionNumber]));
  const bySegment = new Map(
    last.map((s) => [
      s.index,
      (at.get(s.index) ?? 0) >= s.revision && (at.get(s.index) ?? 0) <= revision,
    ]),
  );
  return {
    confirmed: [...bySegment.values()].filter(Boolean).length,
    total: bySegment.size,
    bySegment,
  };
}

/** Confirms (or un-confirms) segments at `revision`, inside the caller's transaction. */
export async function recordConfirmations(
  tx: Tx,
  input: {
    articleId: string;
    revision: number;
    userId: string;
    segments: { index: number; confirmed: boolean }[];
  },
): Promise<void> {
  const confirm = input.segments.filter((s) => s.confirmed).map((s) => s.index);
  const unconfirm = input.segments.filter((s) => !s.confirmed).map((s) => s.index);
  if (unconfirm.length) {
    await tx.segmentConfirmation.deleteMany({
      where: { articleId: input.articleId, segmentIndex: { in: unconfirm } },
    });
  }
  for (const index of confirm) {
    await tx.segmentConfirmation.upsert({
      where: { articleId_segmentIndex: { articleId: input.articleId, segmentIndex: index } },
      create: {
        articleId: input.articleId,
        segmentIndex: index,
        revisionNumber: input.revision,
        userId: input.userId,
      },
      update: { revisionNumber: input.revision, userId: input.userId, confirmedAt: new Date() },
    });
  }
}
