// The AI disclosure of one article as readers see it now: gathers the facts (review and
// correction dates, the outlet's texts and zone) for the pure lib/domain/disclosure.ts.
// Used by /read, the embed's lookup API and webhook payloads.
import "server-only";
import { db, readAll, type Db, type Tx } from "@/lib/db";
import { buildDisclosure, parseOutletDisclosures, type Disclosure } from "@/lib/domain/disclosure";
import { env } from "@/lib/env";
import { notFound } from "@/lib/errors";
import { isTimeZone } from "@/lib/format-time";
import { outletByName } from "./outlets";

export type { Disclosure } from "@/lib/domain/disclosure";

/**
 * The disclosure for an article: "translated" until an editor approves or publishes it,
 * "reviewed" (dated by the publication of the public text, else its approval), "corrected"
 * once a publication changed already-published text (dated, with that publication's note).
 * Pass a transaction client to read inside it. Throws 404 for an unknown article.
 */
export async function disclosureFor(
  articleId: string,
  client: Db | Tx = db(),
): Promise<Disclosure> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: { outlet: true, targetLang: true, publishedRevision: true, approvedRevision: true },
  });
  if (!article) throw notFound("Article");
  const [publications, approval, outlet] = await readAll(client, [
    () =>
      client.publication.findMany({
        where: { articleId },
        orderBy: [{ publishedAt: "asc" }, { id: "asc" }],
        select: { revisionNumber: true, publishedAt: true, note: true },
      }),
    () =>
      article.approvedRevision === null
        ? Promise.resolve(null)
        : client.statusChange.findFirst({
            where: { articleId, to: "APPROVED" },
            orderBy: [{ createdAt: "desc" }, { id: "desc" }],
            select: { createdAt: true },
          }),
    () => outletByName(article.outlet, client),
  ] as const);

  // One entry per distinct published text, as on /read: re-publishing the same revision is
  // not a correction.
  const versions: { revision: number; at: Date; note: string | null }[] = [];
  for (const p of publications) {
    if (versions.at(-1)?.revision === p.revisionNumber) continue;
    versions.push({ revision: p.revisionNumber, at: p.publishedAt, note: p.note });
  }
  const latest = versions.at(-1);
  const reviewedAt =
    article.publishedRevision !== null && latest
      ? latest.at
      : article.approvedRevision !== null
        ? (approval?.createdAt ?? null)
        : null;
  const correction = versions.length > 1 && latest ? { at: latest.at, note: latest.note } : null;
  const timeZone =
    outlet?.timeZone && isTimeZone(outlet.timeZone) ? outlet.timeZone : env().GALLEY_TIME_ZONE;
  return buildDisclosure(
    { targetLang: article.targetLang, reviewedAt, correction },
    parseOutletDisclosures(outlet?.disclosures),
    timeZone,
  );
}
