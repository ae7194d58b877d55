import "server-only";
import { db, type Db, type Tx } from "@/lib/db";
import type { SegmentKind } from "@/lib/domain/types";
import { notFound } from "@/lib/errors";
import { wordBlame, type BlamePiece } from "@/lib/text/word-blame";
import { getRevisionsMeta, type RevisionAuthor } from "./history";

// Who introduced each word of every segment, as of revision n: the segment's stored versions
// (SegmentText rows, one per change) replayed through the pure wordBlame.

/** Per article; an article edited more often than this shows its oldest versions folded in. */
const MAX_VERSIONS = 5000;

export interface WordBlameAuthor {
  name: string;
  email: string | null;
}

export interface SegmentWordBlame {
  index: number;
  kind: SegmentKind;
  pieces: BlamePiece<WordBlameAuthor>[];
}

export async function wordBlameAt(
  articleId: string,
  at?: number,
  client: Db | Tx = db(),
): Promise<{ revision: number; segments: SegmentWordBlame[] }> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: { currentRevision: true, targetLang: true },
  });
  if (!article) throw notFound("Article");
  const n = at ?? article.currentRevision;
  if (n < 1 || n > article.currentRevision) throw notFound(`Revision ${n}`);
  const [segments, rows] = await Promise.all([
    client.segment.findMany({
      where: { articleId },
      orderBy: { index: "asc" },
      select: { index: true, kind: true, mt: true },
    }),
    client.segmentText.findMany({
      where: { articleId, revisionNumber: { lte: n } },
      // Newest first, so a cap drops the oldest versions, not the current text.
      orderBy: [{ revisionNumber: "desc" }],
      take: MAX_VERSIONS,
      select: { segmentIndex: true, revisionNumber: true, text: true },
    }),
  ]);
  const meta = await getRevisionsMeta(
    articleId,
    rows.map((r) => r.revisionNumber),
    client,
  );
  const authorOf = (revision: number): WordBlameAuthor => {
    // Revision 1 is the ingested MT: its words came from the engine, not from the uploader.
    if (revision === 1) return { name: "machine translation", email: null };
    const a: RevisionAuthor | null | undefined = meta.get(revision)?.author;
    return a ? { name: a.name, email: a.email } : { name: "system", email: null };
  };
  const bySegment = new Map<number, { revision: number; text: string }[]>();
  for (const r of [...rows].reverse())
    bySegment.set(r.segmentIndex, [
      ...(bySegment.get(r.segmentIndex) ?? []),
      { revision: r.revisionNumber, text: r.text },
    ]);
  return {
    revision: n,
    segments: segments.map((s) => {
      const stored = bySegment.get(s.index) ?? [];
      // Revision 1 is the MT unless a row says otherwise.
      const versions =
        stored[0]?.revision === 1 ? stored : [{ revision: 1, text: s.mt }, ...stored];
      return {
        index: s.index,
        kind: s.kind,
        pieces: wordBlame(
          versions.map((v) => ({ ...v, author: authorOf(v.revision) })),
          article.targetLang,
        ),
      };
    }),
  };
}
