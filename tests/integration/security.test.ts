import { randomBytes } from "node:crypto";
import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import { POST as postArticleFeedback } from "@/app/api/v1/articles/[id]/feedback/route";
import { POST as postReaderForm } from "@/app/read/[slug]/feedback/route";
import { db } from "@/lib/db";
import { resetEnvCache } from "@/lib/env";
import { saveRevision } from "@/lib/server/revisions";
import { makeArticle, makeUser, publishArticle } from "./factories";

// Regression tests for issue 12 (docs/security.md lists which test proves which control).

const SECRET = "EMBARGOED: the minister resigns on Friday.";

afterEach(() => {
  for (const k of [
    "GALLEY_FEEDBACK_LIMIT_PER_READER",
    "GALLEY_TRUSTED_PROXIES",
    "GALLEY_LOGIN_LIMIT",
    "GALLEY_LOGIN_WINDOW_SECONDS",
  ])
    delete process.env[k];
  resetEnvCache();
});

const peer = () => `198.51.100.${1 + (randomBytes(1)[0]! % 250)}`;

function feedbackRequest(
  articleId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const req = new NextRequest(`http://localhost:3000/api/v1/articles/${articleId}/feedback`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-request-id": "fixed-request-id",
      "x-galley-peer": peer(),
      ...headers,
    },
    body: JSON.stringify(body),
  });
  return postArticleFeedback(req, { params: Promise.resolve({ id: articleId }) });
}

/** A published article (revision 1) with an unpublished draft (revision 2) holding SECRET. */
async function articleWithEmbargoedDraft() {
  const reviewer = await makeUser("REVIEWER");
  const editor = await makeUser("EDITOR");
  const article = await makeArticle(reviewer);
  await publishArticle(article.id, editor);
  await saveRevision({
    articleId: article.id,
    baseRevision: 1,
    segments: [{ index: 1, text: SECRET }],
    actor: reviewer,
  });
  return article;
}

describe("item 1: public feedback reveals nothing about unpublished text", () => {
  it("answers right and wrong guesses about a draft with byte-identical 400s and stores nothing", async () => {
    const article = await articleWithEmbargoedDraft();
    const base = { category: "OTHER", comment: "probe", segmentIndex: 1 };
    const probes = [
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: 9, quote: "EMBARGOED" }, // right
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: 9, quote: "XMBARGOED" }, // wrong
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: SECRET.length }, // the exact length
      { ...base, revisionSeen: 2, quoteStart: 0, quoteEnd: SECRET.length + 1 }, // one past it
      { ...base, revisionSeen: 3 }, // beyond the newest revision
      { ...base, revisionSeen: 2, segmentIndex: 99 },
    ];
    const answers: string[] = [];
    for (const probe of probes) {
      const res = await feedbackRequest(article.id, probe);
      answers.push(`${res.status} ${await res.text()}`);
    }
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toMatch(/^400 /);
    expect(answers[0]).not.toMatch(/\d+ characters|revision|latest/i);
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(0);
    // The published text can still be quoted: the same offsets at revision 1 are accepted.
    const ok = await feedbackRequest(article.id, {
      ...base,
      revisionSeen: 1,
      quoteStart: 0,
      quoteEnd: 4,
    });
    expect(ok.status).toBe(201);
  });

  it("counts a probe against the reader's limit before looking at any text", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "3";
    resetEnvCache();
    const article = await articleWithEmbargoedDraft();
    const me = { "x-galley-peer": "198.51.100.201" };
    const probe = {
      category: "OTHER",
      comment: "probe",
      segmentIndex: 1,
      revisionSeen: 2,
      quoteStart: 0,
      quoteEnd: 1,
    };
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++)
      statuses.push((await feedbackRequest(article.id, probe, me)).status);
    expect(statuses).toEqual([400, 400, 400, 429, 429]);
  });
});

describe("item 2: no feedback on an article readers cannot see", () => {
  it("refuses feedback on a never-published article with 404 on both entry points, storing nothing", async () => {
    const reviewer = await makeUser("REVIEWER");
    const article = await makeArticle(reviewer);
    const api = await feedbackRequest(article.id, { category: "OTHER", comment: "hello" });
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: "not_found" });

    const form = new NextRequest(`http://localhost:3000/read/${article.slug}/feedback`, {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        accept: "application/json",
        "x-galley-peer": peer(),
      },
      body: "category=OTHER&comment=hello",
    });
    const page = await postReaderForm(form, { params: Promise.resolve({ slug: article.slug }) });
    expect(page.status).toBe(404);
    expect(await db().feedback.count({ where: { articleId: article.id } })).toBe(0);
  });
});

describe("item 4: X-Forwarded-For counts only through a configured proxy", () => {
  it("without GALLEY_TRUSTED_PROXIES, rotating X-Forwarded-For buys no extra allowance", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "3";
    resetEnvCache();
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer);
    await publishArticle(article.id, editor);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await feedbackRequest(
        article.id,
        { category: "OTHER", comment: `rotating ${i}` },
        { "x-galley-peer": "203.0.113.9", "x-forwarded-for": `10.1.2.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 429, 429]);
  });

  it("behind a trusted proxy, each forwarded client has its own allowance", async () => {
    process.env.GALLEY_FEEDBACK_LIMIT_PER_READER = "1";
    process.env.GALLEY_TRUSTED_PROXIES = "203.0.113.0/24";
    resetEnvCache();
    const reviewer = await makeUser("REVIEWER");
    const editor = await makeUser("EDITOR");
    const article = await makeArticle(reviewer);
    await publishArticle(article.id, editor);
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await feedbackRequest(
        article.id,
        { category: "OTHER", comment: `proxied ${i}` },
        // A spoofed left-most hop must not matter: the proxy appends the real client.
        { "x-galley-peer": "203.0.113.9", "x-forwarded-for": `6.6.6.6, 10.9.8.${i}` },
      );
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201]);
  });
});
