import { describe, expect, it } from "vitest";
import { GET as qualityRoute } from "@/app/api/v1/articles/[id]/quality/route";
import { countWords } from "@/lib/ingest/identity";
import { chrfCorpus, editedShare, terCorpus, wordEditDistance } from "@/lib/quality/metrics";
import { DEFAULT_MQM_WEIGHTS, mqmScore } from "@/lib/quality/mqm";
import { createApiToken } from "@/lib/server/api-tokens";
import { createAnnotation, resolveAnnotation } from "@/lib/server/annotations";
import { getArticleView } from "@/lib/server/articles";
import { saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

describe("GET /articles/:id/quality", () => {
  it("reports HTER, chrF, edits and MQM exactly as the metric functions compute them", async () => {
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer);
    const saved = await saveRevision({
      articleId: article.id,
      baseRevision: 1,
      segments: [
        { index: 1, text: "This is really the first paragraph here." },
        { index: 3, text: "The third paragraph." },
      ],
      actor: reviewer,
    });
    const base = { articleId: article.id, segmentIndex: 1, start: 0, end: 4 };
    await createAnnotation(
      { ...base, category: "Accuracy/Mistranslation", severity: "major" },
      reviewer,
    );
    await createAnnotation(
      { ...base, category: "Fluency/Punctuation", severity: "minor" },
      reviewer,
    );
    const rejected = await createAnnotation(
      { ...base, category: "Style", severity: "critical" },
      reviewer,
    );
    await resolveAnnotation(article.id, rejected.id, "REJECTED", reviewer);

    const { token } = await createApiToken({ userId: reviewer.userId, name: "q" }, reviewer);
    const res = await callRoute(qualityRoute, {
      url: `/api/v1/articles/${article.id}/quality`,
      params: { id: article.id },
      token,
    });
    expect(res.status).toBe(200);
    const body = await res.json();

    const view = await getArticleView(article.id);
    const mt = view.segments.map((s) => s.mt);
    const text = view.segments.map((s) => s.text);
    const words = countWords(text);
    const expectedMqm = mqmScore(
      [
        { category: "Accuracy/Mistranslation", severity: "major" },
        { category: "Fluency/Punctuation", severity: "minor" },
      ],
      words,
    );
    expect(body).toEqual({
      revision: saved.revision,
      wordCount: words,
      hter: terCorpus(mt, text),
      chrf: chrfCorpus(mt, text),
      wordEditDistance: mt.reduce((s, m, i) => s + wordEditDistance(m, text[i]!), 0),
      editedShare: editedShare(mt, text),
      mqm: { ...expectedMqm, weights: DEFAULT_MQM_WEIGHTS },
    });
    expect(body.hter).toBeGreaterThan(0);
    expect(body.mqm.penalty).toBe(5.1);

    // Revision 1 is the MT itself: no edits, and no annotations made on it yet.
    const first = await (
      await callRoute(qualityRoute, {
        url: `/api/v1/articles/${article.id}/quality?revision=1`,
        params: { id: article.id },
        token,
      })
    ).json();
    expect(first).toMatchObject({ revision: 1, hter: 0, chrf: 100, editedShare: 0 });
    expect(first.mqm.count).toBe(0);

    const missing = await callRoute(qualityRoute, {
      url: `/api/v1/articles/${article.id}/quality?revision=9`,
      params: { id: article.id },
      token,
    });
    expect(missing.status).toBe(404);
  });
});
