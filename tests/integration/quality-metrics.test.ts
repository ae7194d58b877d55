import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as metricsRoute } from "@/app/api/v1/metrics/route";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { createAnnotation } from "@/lib/server/annotations";
import { getArticleWarnings } from "@/lib/server/checks";
import { getEngineMetrics, weekStart } from "@/lib/server/metrics";
import { getArticleQuality } from "@/lib/server/quality-scores";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

describe("per-engine metrics", () => {
  it("computes reviewed counts, mean HTER/chrF, MQM, feedback and QA per engine", async () => {
    const reviewer = await makeUser("REVIEWER");
    const uid = randomBytes(3).toString("hex");
    const engineA = { name: `Alpha MT ${uid}`, version: "1" };
    const engineB = { name: `Beta LLM ${uid}`, version: "2" };
    const editedA = await makeArticle(reviewer, { engine: engineA });
    const untouchedA = await makeArticle(reviewer, { engine: engineA });
    const annotatedB = await makeArticle(reviewer, { engine: engineB });
    await saveRevision({
      articleId: editedA.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is definitely the very first paragraph." }],
      actor: reviewer,
    });
    const span = { articleId: annotatedB.id, segmentIndex: 2, start: 0, end: 4 };
    await createAnnotation({ ...span, category: "Accuracy/Omission", severity: "major" }, reviewer);
    await createAnnotation({ ...span, category: "Fluency/Grammar", severity: "minor" }, reviewer);
    for (const articleId of [untouchedA.id, untouchedA.id, annotatedB.id]) {
      await db().feedback.create({
        data: { articleId, revisionSeen: 1, category: "OTHER", comment: "hm", ipHash: "x" },
      });
    }

    const now = new Date();
    const from = new Date(now.getTime() - 86_400_000);
    const to = new Date(now.getTime() + 86_400_000);
    const result = await getEngineMetrics({ from, to });
    const a = result.engines.find((e) => e.name === engineA.name)!;
    const b = result.engines.find((e) => e.name === engineB.name)!;
    expect(a.label).toBe(`${engineA.name} 1`);

    const qEdited = await getArticleQuality(editedA.id);
    expect(a).toMatchObject({ articles: 2, articlesReviewed: 1, smallSample: true });
    expect(a.n.hterChrf).toEqual({ articles: 1, words: qEdited.wordCount });
    expect(a.meanHter).toBeCloseTo(qEdited.hter, 3);
    expect(a.meanChrf).toBeCloseTo(qEdited.chrf, 3);
    expect(a.meanHter).toBeGreaterThan(0);
    expect(a.mqm).toMatchObject({ penalty: 0, per1000Words: 0, errors: 0 });
    expect(a.feedback).toEqual({ count: 2, perArticle: 1 });

    const qB = await getArticleQuality(annotatedB.id);
    // Annotated but neither edited nor confirmed: in MQM, not in HTER/chrF (HTER 0 would be a guess).
    expect(b).toMatchObject({ articles: 1, articlesReviewed: 1, meanHter: null, meanChrf: null });
    expect(b.n.hterChrf).toEqual({ articles: 0, words: 0 });
    expect(b.n.mqm).toEqual({ articles: 1, words: qB.wordCount });
    expect(b.mqm).toMatchObject({
      penalty: 6,
      per1000Words: qB.mqm.per1000Words,
      errors: 2,
      byCategory: { Accuracy: 1, Fluency: 1 },
      bySeverity: { major: 1, minor: 1 },
    });
    expect(b.feedback).toEqual({ count: 1, perArticle: 1 });

    const warningsA =
      (await getArticleWarnings(editedA.id)).length +
      (await getArticleWarnings(untouchedA.id)).length;
    expect(a.qa.warnings).toBe(warningsA);
    expect(a.qa.words).toBe(qEdited.wordCount + (await getArticleQuality(untouchedA.id)).wordCount);

    const week = weekStart(now).toISOString().slice(0, 10);
    expect(result.trend).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ week, engine: a.label, articles: 2, articlesReviewed: 1 }),
        expect.objectContaining({
          week,
          engine: b.label,
          articles: 1,
          mqmPer1000Words: qB.mqm.per1000Words,
        }),
      ]),
    );

    const onlyB = await getEngineMetrics({ engine: `${engineB.name}@2`, from, to });
    expect(onlyB.engines.map((e) => e.label)).toEqual([b.label]);
  });

  it("serves JSON and CSV through the API with read:metrics; an inverted or malformed range is a 400", async () => {
    const viewer = await makeUser("VIEWER");
    const { token } = await createApiToken({ userId: viewer.userId, name: "m" }, viewer);
    const call = (query: string) =>
      callRoute(metricsRoute, { url: `/api/v1/metrics${query}`, params: {}, token });
    const json = await call("");
    expect(json.status).toBe(200);
    const body = await json.json();
    expect(body).toMatchObject({ limit: 5000, truncated: false, engine: null });
    expect(body.engines.length).toBeGreaterThan(0);
    expect(body).toEqual(JSON.parse(JSON.stringify(await getEngineMetrics({}))));

    const csv = await call("?format=csv");
    expect(csv.headers.get("content-type")).toContain("text/csv");
    const text = await csv.text();
    expect(text.split("\r\n")[0]).toContain(
      "engine,version,from,to,articles,articlesReviewed,meanHter",
    );
    expect(text.split("\r\n")).toHaveLength(body.engines.length + 1);

    expect((await call("?from=2026-12-01&to=2026-11-01")).status).toBe(400);
    expect((await call("?from=yesterday")).status).toBe(400);
  });

  it("leaves articles approved without review out of HTER/chrF, counts them apart, and carries n", async () => {
    const editor = await makeUser("EDITOR");
    const uid = randomBytes(3).toString("hex");
    const engine = { name: `Gamma MT ${uid}`, version: "1" };
    const edited = await makeArticle(editor, { engine });
    const confirmedOnly = await makeArticle(editor, { engine });
    const rubberStamped = await makeArticle(editor, { engine });
    await saveRevision({
      articleId: edited.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is surely the very first paragraph." }],
      actor: editor,
    });
    // Confirmed as right without a change: reviewed, HTER 0 is real.
    const detail = await getArticleQuality(confirmedOnly.id);
    await saveRevision({
      articleId: confirmedOnly.id,
      baseRevision: 1,
      segments: [{ index: 1, text: "This is the first paragraph.", confirmed: true }],
      actor: editor,
    });
    for (const id of [edited.id, confirmedOnly.id, rubberStamped.id]) {
      for (const to of ["IN_REVIEW", "APPROVED"] as const) {
        const current = await db().article.findUniqueOrThrow({ where: { id } });
        if (current.status === to) continue;
        await changeStatus({ articleId: id, to, actor: editor, override: { reason: "test" } });
      }
    }
    const from = new Date(Date.now() - 86_400_000);
    const to = new Date(Date.now() + 86_400_000);
    const viewer = await makeUser("VIEWER");
    const { token } = await createApiToken({ userId: viewer.userId, name: "m" }, viewer);
    const res = await callRoute(metricsRoute, {
      url: `/api/v1/metrics?engine=${encodeURIComponent(`${engine.name}@1`)}&from=${from.toISOString().slice(0, 10)}&to=${to.toISOString().slice(0, 10)}`,
      params: {},
      token,
    });
    expect(res.status).toBe(200);
    const [g] = (await res.json()).engines;
    const qEdited = await getArticleQuality(edited.id);
    expect(g).toMatchObject({ articles: 3, approvedUnreviewed: 1, smallSample: true });
    expect(g.n.hterChrf).toEqual({ articles: 2, words: qEdited.wordCount + detail.wordCount });
    // The mean of the two reviewed articles (one edited, one confirmed as is), not of three.
    expect(g.meanHter).toBeCloseTo(qEdited.hter / 2, 3);
    expect(g.n.qa.articles).toBe(3);
  });
});
