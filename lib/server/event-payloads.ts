// Data of `article.published` and `correction.published`: everything a CMS needs to update its
// copy of the page from the payload alone — the public text (every segment at the published
// revision) and the disclosure readers now see. Read inside the publishing transaction, so it
// is exactly what was published.
import "server-only";
import type { Tx } from "@/lib/db";
import type { SegmentKind } from "@/lib/domain/types";
import { emptyToNull } from "@/lib/text/nullable";
import { disclosureFor, type Disclosure } from "./disclosure";
import { textsAtRevision } from "./revision-texts";

export interface PublishedArticleData {
  articleId: string;
  slug: string;
  outlet: string | null;
  externalId: string | null;
  url: string | null;
  sourceLang: string;
  targetLang: string;
  revision: number;
  publishedAt: string;
  note: string | null;
  title: string;
  segments: { index: number; kind: SegmentKind; text: string }[];
  disclosure: Disclosure;
  /** Only on correction.published: the revision readers saw before. */
  previousRevision?: number;
}

export async function publishedArticleData(
  tx: Tx,
  input: {
    articleId: string;
    revision: number;
    publishedAt: Date;
    note: string | null;
    previousRevision?: number;
  },
): Promise<PublishedArticleData> {
  const article = await tx.article.findUniqueOrThrow({
    where: { id: input.articleId },
    select: {
      slug: true,
      outlet: true,
      externalId: true,
      url: true,
      sourceLang: true,
      targetLang: true,
      segments: { orderBy: { index: "asc" }, select: { index: true, kind: true } },
    },
  });
  const texts = await textsAtRevision(tx, input.articleId, input.revision);
  const segments = article.segments.map((s) => ({
    index: s.index,
    kind: s.kind,
    text: texts.get(s.index) ?? "",
  }));
  return {
    articleId: input.articleId,
    slug: article.slug,
    outlet: emptyToNull(article.outlet),
    externalId: article.externalId,
    url: article.url,
    sourceLang: article.sourceLang,
    targetLang: article.targetLang,
    revision: input.revision,
    publishedAt: input.publishedAt.toISOString(),
    note: input.note,
    title: segments[0]?.text ?? "",
    segments,
    disclosure: await disclosureFor(input.articleId, tx),
    ...(input.previousRevision !== undefined ? { previousRevision: input.previousRevision } : {}),
  };
}
