import { afterEach, describe, expect, it } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { getPublicArticle, type PublicArticle } from "@/lib/server/public-articles";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser } from "./factories";

afterEach(() => {
  delete process.env.GALLEY_PUBLIC_SHOWS_UNREVIEWED;
  resetEnvCache();
});

async function load(slug: string, revision?: number): Promise<PublicArticle> {
  const res = await getPublicArticle(slug, revision);
  if (res.kind !== "ok") throw new Error(`expected an article, got ${res.kind}`);
  return res.article;
}

const paragraph1 = (a: PublicArticle) => a.shown?.segments.find((s) => s.index === 1)?.text;

describe("the public article", () => {
  it("shows nothing unreviewed unless configured to", async () => {
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer);
    const hidden = await load(article.slug);
    expect(hidden.shown).toBeNull();
    expect(hidden.title).toBeNull();

    process.env.GALLEY_PUBLIC_SHOWS_UNREVIEWED = "1";
    resetEnvCache();
    const shown = await load(article.slug);
    expect(shown.shown).toMatchObject({ revision: 1, reviewed: false, superseded: false });
    expect(await getPublicArticle("no-such-slug")).toEqual({ kind: "not_found" });
  });

  it("shows the approved revision before publication, then the published one with corrections", async () => {
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer);
    const edit = (base: number, text: string) =>
      saveRevision({
        articleId: article.id,
        baseRevision: base,
        segments: [{ index: 1, text }],
        actor: reviewer,
      });
    const to = (status: "IN_REVIEW" | "APPROVED" | "PUBLISHED", note?: string) =>
      changeStatus({ articleId: article.id, to: status, note, actor: editor });

    await edit(1, "Reviewed first paragraph.");
    await to("APPROVED");
    expect(await load(article.slug)).toMatchObject({
      shown: { revision: 2, reviewed: true },
      latestCorrection: null,
      versions: [],
    });

    await to("PUBLISHED", "First publication");
    await edit(2, "Corrected first paragraph.");
    // A newer draft changes nothing for readers, and cannot be asked for.
    expect(paragraph1(await load(article.slug))).toBe("Reviewed first paragraph.");
    expect(await getPublicArticle(article.slug, 3)).toEqual({ kind: "revision_not_public" });

    await to("APPROVED");
    await to("PUBLISHED", "We corrected the first paragraph.");
    const corrected = await load(article.slug);
    expect(paragraph1(corrected)).toBe("Corrected first paragraph.");
    expect(corrected.latestCorrection).toMatchObject({
      revision: 3,
      note: "We corrected the first paragraph.",
    });
    expect(corrected.versions.map((v) => v.revision)).toEqual([2, 3]);

    const previous = await load(article.slug, 2);
    expect(previous.shown).toMatchObject({ revision: 2, superseded: true });
    expect(paragraph1(previous)).toBe("Reviewed first paragraph.");
    expect(await getPublicArticle(article.slug, 1)).toEqual({ kind: "revision_not_public" });
  });

  it("does not count re-publishing the same text as a correction", async () => {
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(editor);
    const to = (status: "IN_REVIEW" | "APPROVED" | "PUBLISHED") =>
      changeStatus({ articleId: article.id, to: status, actor: editor });
    await to("IN_REVIEW");
    await to("APPROVED");
    await to("PUBLISHED");
    await to("IN_REVIEW");
    await to("APPROVED");
    await to("PUBLISHED");
    const a = await load(article.slug);
    expect(a.versions).toHaveLength(1);
    expect(a.latestCorrection).toBeNull();
  });
});
