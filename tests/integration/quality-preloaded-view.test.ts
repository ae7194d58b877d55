import { describe, expect, it } from "vitest";
import { getArticleView } from "@/lib/server/articles";
import { getArticleWarnings } from "@/lib/server/checks";
import { getArticleQuality } from "@/lib/server/quality-scores";
import { saveRevision } from "@/lib/server/revisions";
import { articleInput, makeUser } from "./factories";
import { ingestArticle } from "@/lib/server/ingest";

// The workspace passes its already-loaded article to the quality functions; the
// answer must be the same as when they load the article themselves.
describe("quality from a preloaded article view", () => {
  it("gives the same score and warnings as loading from the database", async () => {
    const editor = await makeUser("EDITOR");
    const { article } = await ingestArticle(
      articleInput({
        source: "정부가 10조 원을 투입한다.\n\n이재명 대통령이 말했다.",
        mt: "The government will inject 10 billion won.\n\nPresident Lee Jae-myeong said the the plan works.",
      }),
      editor,
    );
    await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "The government will inject 10 trillion won." }],
      actor: editor,
    });
    const view = await getArticleView(article.id);
    expect(await getArticleQuality(article.id, undefined, view)).toEqual(
      await getArticleQuality(article.id),
    );
    const warnings = await getArticleWarnings(article.id);
    expect(warnings.length).toBeGreaterThan(0);
    expect(await getArticleWarnings(article.id, view)).toEqual(warnings);
    // An explicit older revision still reads that revision, not the view.
    expect((await getArticleQuality(article.id, 1, view)).revision).toBe(1);
  });
});
