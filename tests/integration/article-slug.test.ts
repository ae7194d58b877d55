import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as slugRoute from "@/app/api/v1/articles/[id]/slug/route";
import * as statusRoute from "@/app/api/v1/articles/[id]/status/route";
import { POST as postReaderFeedback } from "@/app/read/[slug]/feedback/route";
import { db } from "@/lib/db";
import { createApiToken } from "@/lib/server/api-tokens";
import { currentSlugFor, getSlugState } from "@/lib/server/article-slug";
import { getPublicArticle } from "@/lib/server/public-articles";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

const WRONG = "Seoul pledges 10 billion won for chip plants";
const RIGHT = "Seoul pledges 10 trillion won for chip plants";

/** An approved article whose headline was corrected after ingest made its slug. */
async function correctedAndApproved() {
  const editor = await makeUser("EDITOR");
  const token = (await createApiToken({ userId: editor.userId, name: "slug" }, editor)).token;
  const article = await makeArticle(editor, { title: { source: "제목", mt: WRONG } });
  await saveRevision({
    articleId: article.id,
    baseRevision: 1,
    segments: [{ index: 0, text: RIGHT }],
    actor: editor,
  });
  // Saving moved it to IN_REVIEW.
  await changeStatus({ articleId: article.id, to: "APPROVED", actor: editor });
  return { editor, token, article };
}

describe("the slug follows the corrected headline", () => {
  it("offers the corrected slug, publishes under it, and the old slug leads to the new one", async () => {
    const { token, article } = await correctedAndApproved();
    expect(article.slug).toMatch(/^seoul-pledges-10-billion-won-for-chip-plants-[0-9a-z]{6}$/);
    const suffix = article.slug.slice(-6);

    const offer = await callRoute(slugRoute.GET, {
      url: `/api/v1/articles/${article.id}/slug`,
      params: { id: article.id },
      token,
    });
    expect(offer.status).toBe(200);
    const state = await offer.json();
    const corrected = `seoul-pledges-10-trillion-won-for-chip-plants-${suffix}`;
    expect(state).toEqual({ slug: article.slug, suggested: corrected, title: RIGHT, previous: [] });

    const published = await callRoute(statusRoute.POST, {
      url: `/api/v1/articles/${article.id}/status`,
      params: { id: article.id },
      token,
      method: "POST",
      body: { to: "PUBLISHED", slug: corrected },
    });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: "PUBLISHED", slug: corrected });

    expect(await currentSlugFor(article.slug)).toBe(corrected);
    expect(await currentSlugFor(corrected)).toBe(corrected);
    expect((await getPublicArticle(article.slug)).kind).toBe("not_found");
    expect((await getPublicArticle(corrected)).kind).toBe("ok");
    expect(await getSlugState(article.id)).toMatchObject({
      slug: corrected,
      suggested: null,
      previous: [article.slug],
    });

    const audit = await db().auditEvent.findFirstOrThrow({
      where: { entityId: article.id, action: "article.status" },
      orderBy: { id: "desc" },
    });
    expect(audit.data).toMatchObject({
      to: "PUBLISHED",
      slug: { from: article.slug, to: corrected },
    });
  });

  it("a reader's form posted to the old slug is redirected with 308, keeping the method", async () => {
    const { token, article } = await correctedAndApproved();
    const moved = await callRoute(slugRoute.POST, {
      url: `/api/v1/articles/${article.id}/slug`,
      params: { id: article.id },
      token,
      method: "POST",
      body: {},
    });
    expect(moved.status).toBe(200);
    const { slug, changed } = await moved.json();
    expect(changed).toBe(true);
    const res = await postReaderFeedback(
      new NextRequest(`http://localhost:3000/read/${article.slug}/feedback`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "category=OTHER&comment=hello",
      }),
      { params: Promise.resolve({ slug: article.slug }) },
    );
    expect(res.status).toBe(308);
    expect(res.headers.get("location")).toBe(`/read/${slug}/feedback`);
  });

  it("keeps every slug unique across current and old ones", async () => {
    const { token, article } = await correctedAndApproved();
    const { editor: other } = await correctedAndApproved();
    const second = await makeArticle(other);
    await callRoute(slugRoute.POST, {
      url: `/api/v1/articles/${article.id}/slug`,
      params: { id: article.id },
      token,
      method: "POST",
      body: {},
    });
    // The first article's old slug is taken forever: not by the API…
    const taken = await callRoute(slugRoute.POST, {
      url: `/api/v1/articles/${second.id}/slug`,
      params: { id: second.id },
      token,
      method: "POST",
      body: { slug: article.slug },
    });
    expect(taken.status).toBe(409);
    // …nor by any other write to the table, and the record of it cannot be dropped.
    await expect(
      // The trigger's unique_violation, which Prisma reports as P2002.
      db().article.update({ where: { id: second.id }, data: { slug: article.slug } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(db().articleSlug.delete({ where: { slug: article.slug } })).rejects.toThrow(
      /append-only/,
    );
    // The article itself may take its old slug back; the other then redirects to it.
    const back = await callRoute(slugRoute.POST, {
      url: `/api/v1/articles/${article.id}/slug`,
      params: { id: article.id },
      token,
      method: "POST",
      body: { slug: article.slug },
    });
    expect(back.status).toBe(200);
    const corrected = (await getSlugState(article.id)).previous[0]!;
    expect(await currentSlugFor(corrected)).toBe(article.slug);
  });

  it("refuses a slug outside publishing, and one that is not a slug", async () => {
    const { token, article } = await correctedAndApproved();
    const early = await callRoute(statusRoute.POST, {
      url: `/api/v1/articles/${article.id}/status`,
      params: { id: article.id },
      token,
      method: "POST",
      body: { to: "SUBMITTED", slug: "some-slug" },
    });
    expect(early.status).toBe(400);
    const bad = await callRoute(slugRoute.POST, {
      url: `/api/v1/articles/${article.id}/slug`,
      params: { id: article.id },
      token,
      method: "POST",
      body: { slug: "Not A Slug" },
    });
    expect(bad.status).toBe(400);
  });
});
