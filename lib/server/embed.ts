// The public side of the embed (issue 17): which article an outlet's page is about, and what of
// it readers may see. Only what /read/<slug> would show ever leaves this module; an article that
// is unknown, unpublished or of another outlet is the same "not found".
import "server-only";
import { db } from "@/lib/db";
import type { SegmentKind } from "@/lib/domain/types";
import { matchCanonicalUrl } from "@/lib/domain/outlet-urls";
import { AppError, notFound } from "@/lib/errors";
import { disclosureFor, type Disclosure } from "./disclosure";
import { outletUrlPatterns } from "./outlets";
import { getPublicArticle } from "./public-articles";

export type EmbedKey = { outlet: string; externalId: string } | { url: string };

export interface PublicLookup {
  id: string;
  slug: string;
  targetLang: string;
  revision: number;
  segments: { index: number; kind: SegmentKind; text: string }[];
  disclosure: Disclosure;
  readUrl: string;
}

/** The key in a lookup query (validated, or raw for the CORS decision). */
export function embedKeyFrom(q: { outlet?: string; externalId?: string; url?: string }): EmbedKey {
  if (q.url) return { url: q.url };
  return { outlet: q.outlet ?? "", externalId: q.externalId ?? "" };
}

/** One answer for every miss, so a caller learns nothing about unpublished articles. */
const NOT_FOUND = "Published article";

type Target = { outlet: string } & ({ externalId: string } | { slug: string });

/**
 * The (outlet, externalId) or (outlet, slug) pairs a key may name, without reading any
 * article: a page URL fits every outlet whose canonical URL pattern it matches.
 */
async function targetsOf(key: EmbedKey): Promise<Target[]> {
  if ("outlet" in key)
    return key.outlet ? [{ outlet: key.outlet, externalId: key.externalId }] : [];
  const out: Target[] = [];
  for (const { name, canonicalUrlPattern } of await outletUrlPatterns()) {
    const match = matchCanonicalUrl(canonicalUrlPattern!, key.url);
    if (match) out.push({ outlet: name, ...match });
  }
  return out;
}

/**
 * The outlets an embed request speaks for: whose allowed origins its CORS answer follows.
 * Decided from the key alone, so the CORS headers say nothing about which articles exist.
 */
export async function outletsOfEmbedKey(key: EmbedKey): Promise<string[]> {
  return (await targetsOf(key)).map((t) => t.outlet);
}

/** The outlet of an article (its `outlet`), for CORS on the feedback endpoint. */
export async function outletOfArticle(articleId: string): Promise<string[]> {
  const row = await db().article.findUnique({ where: { id: articleId }, select: { outlet: true } });
  return row?.outlet ? [row.outlet] : [];
}

async function slugFor(key: EmbedKey): Promise<string | null> {
  const targets = await targetsOf(key);
  if (targets.length === 0) return null;
  const rows = await db().article.findMany({
    where: {
      OR: targets.map((t) =>
        "slug" in t
          ? { outlet: t.outlet, slug: t.slug }
          : { outlet: t.outlet, externalId: t.externalId },
      ),
    },
    select: { slug: true, outlet: true },
  });
  // Outlets whose patterns overlap: the first outlet (by name) that has the article.
  const first = targets.map((t) => rows.find((r) => r.outlet === t.outlet)).find(Boolean);
  return first?.slug ?? null;
}

/** The public text and disclosure of the article a key names; 404 unless readers are shown it. */
export async function lookupPublicArticle(key: EmbedKey): Promise<PublicLookup> {
  const slug = await slugFor(key);
  const found = slug ? await getPublicArticle(slug) : null;
  if (!found || found.kind !== "ok" || !found.article.shown) throw notFound(NOT_FOUND);
  const { article } = found;
  const shown = article.shown!;
  return {
    id: article.id,
    slug: article.slug,
    targetLang: article.targetLang,
    revision: shown.revision,
    segments: shown.segments,
    disclosure: await disclosureFor(article.id),
    readUrl: `/read/${encodeURIComponent(article.slug)}`,
  };
}

/** Where the no-JavaScript footer link goes: the reading page's feedback form, or null. */
export async function feedbackPathFor(key: EmbedKey): Promise<string | null> {
  try {
    return `${(await lookupPublicArticle(key)).readUrl}#feedback`;
  } catch (err) {
    if (err instanceof AppError && err.status === 404) return null;
    throw err;
  }
}
