import type { UserActor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { ingestArticle } from "@/lib/server/ingest";
import { textsAtRevision } from "@/lib/server/revision-texts";
import { saveRevision } from "@/lib/server/revisions";
import { articleInput, postEdit, type Rand } from "./data";

/** A signed-in user as lib/server expects it, read from the (seeded) database. */
export async function userActor(email: string): Promise<UserActor> {
  const u = await db().user.findUniqueOrThrow({ where: { email } });
  return { type: "USER", userId: u.id, tokenId: null, email: u.email, name: u.name, role: u.role };
}

export interface RevisedArticle {
  id: string;
  segmentCount: number;
  words: number;
  revisions: number;
}

/**
 * Ingests an article and post-edits it through the real saveRevision until it has `revisions`
 * revisions; each revision edits `perRevision` segments, rotating through the body.
 * "cumulative": each edit replaces ~10% of the segment's current words, so text drifts further
 * from the MT with every edit. "toggle": edits alternate between two fixed ~10% post-edits of the
 * MT, so after any number of revisions the text is as far from r1 as after one edit (the history
 * grows, the r1 ↔ rN diff does not).
 */
export async function revisedArticle(
  rand: Rand,
  actor: UserActor,
  opts: {
    externalId: string;
    paragraphs: number;
    wordsPerParagraph: number;
    revisions: number;
    perRevision: number;
    edits?: "cumulative" | "toggle";
  },
): Promise<RevisedArticle> {
  const input = articleInput(rand, opts);
  const { article } = await ingestArticle(input, actor);
  const texts = await textsAtRevision(db(), article.id, 1);
  const variants = new Map<number, [string, string]>();
  const editCount = new Map<number, number>();
  const edit = (index: number): string => {
    const current = texts.get(index)!;
    if (opts.edits !== "toggle") return postEdit(rand, current, 0.1);
    if (!variants.has(index)) {
      const a = postEdit(rand, current, 0.1);
      let b = postEdit(rand, current, 0.1);
      while (b === a) b = postEdit(rand, current, 0.1);
      variants.set(index, [a, b]);
    }
    const k = (editCount.get(index) ?? 0) + 1;
    editCount.set(index, k);
    return variants.get(index)![k % 2 === 1 ? 0 : 1];
  };
  const body = article.segmentCount - 1;
  let next = 1;
  for (let n = 2; n <= opts.revisions; n++) {
    const segments = Array.from({ length: opts.perRevision }, () => {
      const index = 1 + (next++ % body);
      const text = edit(index);
      texts.set(index, text);
      return { index, text };
    });
    await saveRevision({ articleId: article.id, baseRevision: n - 1, segments, actor });
  }
  const words = [...texts.values()].reduce((sum, t) => sum + t.split(/\s+/).length, 0);
  return { id: article.id, segmentCount: article.segmentCount, words, revisions: opts.revisions };
}
