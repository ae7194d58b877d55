import { beforeAll, describe, expect, it } from "vitest";
import { db, transaction, type Tx } from "@/lib/db";
import { blame, compareRevisions, getRevision, listRevisions } from "@/lib/server/history";
import { revertArticle, saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser } from "./factories";

// How we prove "does not load all revisions": PostgreSQL counts, per relation,
// the tuples each backend reads (pg_stat_get_xact_tuples_returned / _fetched).
// We run the function inside one transaction (one backend) and take the delta
// for Revision and SegmentText plus their indexes. That counts rows actually
// read, whatever SQL the ORM generated and whatever plan PostgreSQL chose;
// counting statements would not (one statement can read every row).
async function tuplesRead(tx: Tx, table: "Revision" | "SegmentText"): Promise<number> {
  const rows = await tx.$queryRawUnsafe<{ n: bigint }[]>(
    `SELECT COALESCE(SUM(pg_stat_get_xact_tuples_returned(oid) + pg_stat_get_xact_tuples_fetched(oid)), 0)::bigint AS n
     FROM (SELECT '"${table}"'::regclass::oid AS oid
           UNION ALL SELECT indexrelid FROM pg_index WHERE indrelid = '"${table}"'::regclass) r`,
  );
  return Number(rows[0]!.n);
}

async function measure<T>(fn: (tx: Tx) => Promise<T>) {
  return transaction(async (tx) => {
    const before = {
      rev: await tuplesRead(tx, "Revision"),
      st: await tuplesRead(tx, "SegmentText"),
    };
    const result = await fn(tx);
    const after = {
      rev: await tuplesRead(tx, "Revision"),
      st: await tuplesRead(tx, "SegmentText"),
    };
    return { result, revisionRows: after.rev - before.rev, segmentTextRows: after.st - before.st };
  });
}

const REVISIONS = 1000;

describe("history of an article with 1,000 revisions", () => {
  let articleId = "";
  let segmentCount = 0;
  let mt: string[] = [];
  let reviewerActor: Awaited<ReturnType<typeof makeUser>>;

  beforeAll(async () => {
    const reviewer = await makeUser("REVIEWER");
    const a = await makeArticle(reviewer);
    articleId = a.id;
    segmentCount = a.segmentCount;
    mt = (await db().segment.findMany({ where: { articleId }, orderBy: { index: "asc" } })).map(
      (s) => s.mt,
    );
    for (let n = 2; n <= REVISIONS; n++) {
      const index = 1 + (n % (segmentCount - 1));
      await saveRevision({
        articleId,
        baseRevision: n - 1,
        segments: [{ index, text: `Edit ${n}: 정부가 ${n}조 원을 투입한다.` }],
        summary: `edit ${n}`,
        actor: reviewer,
      });
    }
    reviewerActor = reviewer;
    // Autovacuum analyzes a table after this many inserts in production; do it
    // now so the planner knows this article has 1,000 revisions, not its
    // never-analyzed guess of 3 (with which any plan looks equally cheap).
    await db().$executeRawUnsafe(`ANALYZE "Revision", "SegmentText", "Segment", "Publication"`);
  });

  it("has them all", async () => {
    expect(await db().revision.count({ where: { articleId } })).toBe(REVISIONS);
  });

  it("lists the first page reading about one page of revisions, not 1,000", async () => {
    const m = await measure((tx) => listRevisions(articleId, { limit: 50 }, tx));
    expect(m.result.items.map((i) => i.number)).toEqual(
      Array.from({ length: 50 }, (_, i) => REVISIONS - i),
    );
    expect(m.result.nextCursor).toBe(String(REVISIONS - 49));
    expect(m.revisionRows).toBeLessThanOrEqual(2 * 51 + 5);
    expect(m.segmentTextRows).toBe(0);
  });

  it("compares revision 1 with 1,000 reading O(segments) rows", async () => {
    const m = await measure((tx) => compareRevisions(articleId, 1, REVISIONS, tx));
    expect(m.result.segments).toHaveLength(segmentCount);
    expect(m.revisionRows).toBeLessThanOrEqual(10);
    expect(m.segmentTextRows).toBeLessThanOrEqual(4 * segmentCount + 5);
  });

  it("pages back with the cursor and ends with revision 1", async () => {
    const second = await listRevisions(articleId, { limit: 50, cursor: REVISIONS - 49 });
    expect(second.items[0]!.number).toBe(REVISIONS - 50);
    const last = await listRevisions(articleId, { limit: 50, cursor: 3 });
    expect(last.items.map((i) => [i.number, i.kind])).toEqual([
      [2, "EDIT"],
      [1, "INGEST"],
    ]);
    expect(last.nextCursor).toBeNull();
  });

  it("blames each segment on its last change, reading O(segments) rows", async () => {
    const m = await measure((tx) => blame(articleId, undefined, tx));
    const lastChange = (index: number) => {
      if (index === 0) return 1;
      for (let n = REVISIONS; n >= 2; n--) if (1 + (n % (segmentCount - 1)) === index) return n;
      return 1;
    };
    expect(m.result.segments.map((s) => [s.index, s.revision])).toEqual(
      Array.from({ length: segmentCount }, (_, i) => [i, lastChange(i)]),
    );
    expect(m.result.segments[1]!.author?.email).toBe(reviewerActor.email);
    expect(m.revisionRows).toBeLessThanOrEqual(4 * segmentCount + 5);
    expect(m.segmentTextRows).toBeLessThanOrEqual(2 * segmentCount + 5);
  });

  it("reverting to revision 1 restores the MT exactly as revision 1,001", async () => {
    await expect(
      revertArticle({
        articleId,
        to: 1,
        baseRevision: REVISIONS - 1,
        reason: "stale",
        actor: reviewerActor,
      }),
    ).rejects.toMatchObject({ status: 409, details: { currentRevision: REVISIONS } });
    const res = await revertArticle({
      articleId,
      to: 1,
      baseRevision: REVISIONS,
      reason: "start over from the MT",
      actor: reviewerActor,
    });
    expect(res).toEqual({ created: true, revision: REVISIONS + 1 });
    const view = await getRevision(articleId, REVISIONS + 1);
    expect(view.segments.map((s) => s.text)).toEqual(mt);
    expect(view).toMatchObject({ kind: "REVERT", revertedTo: 1 });
    const cmp = await compareRevisions(articleId, 1, REVISIONS + 1);
    expect(cmp.stats.segmentsChanged).toBe(0);
  });
});
