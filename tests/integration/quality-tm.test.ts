import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { GET as tmRoute } from "@/app/api/v1/articles/[id]/tm/route";
import { GET as searchRoute } from "@/app/api/v1/tm/search/route";
import { createApiToken } from "@/lib/server/api-tokens";
import { changeStatus, saveRevision } from "@/lib/server/revisions";
import { callRoute } from "./api-call";
import { makeArticle, makeUser } from "./factories";

interface TmBody {
  segments: {
    index: number;
    matches: {
      source: string;
      target: string;
      similarity: number;
      articleId: string;
      revision: number;
    }[];
  }[];
}

async function approvedArticle(tag: string) {
  const editor = await makeUser("EDITOR");
  const source = [
    `한국은행은 기준금리를 연 3.25%로 동결했다고 ${tag}일 밝혔다.`,
    `이창용 총재는 물가 상승률이 둔화하고 있다고 말했다.`,
  ].join("\n\n");
  const article = await makeArticle(editor, {
    title: { source: `금리 동결 ${tag}`, mt: `Rate freeze ${tag}` },
    source,
    mt: [
      `The Bank of Korea froze the base rate at 3.25 percent, it said on the ${tag}th.`,
      `Governor Rhee Chang-yong said inflation is slowing.`,
    ].join("\n\n"),
  });
  const approvedText = `The Bank of Korea held its key rate at 3.25 percent, it said (${tag}).`;
  await saveRevision({
    articleId: article.id,
    baseRevision: 1,
    actor: editor,
    segments: [
      { index: 1, text: approvedText, confirmed: true },
      { index: 0, text: `Rate freeze ${tag}`, confirmed: true },
      { index: 2, text: "Governor Rhee Chang-yong said inflation is slowing.", confirmed: true },
    ],
  });
  // The save moved it to IN_REVIEW; approve past the gate (no confirmation needed here).
  await changeStatus({
    articleId: article.id,
    to: "APPROVED",
    actor: editor,
    override: { reason: "test" },
  });
  const { token } = await createApiToken({ userId: editor.userId, name: "tm" }, editor);
  return { editor, article, source, approvedText, token };
}

describe("translation memory", () => {
  it("offers the approved translation for a re-ingested sentence, and for a near one", async () => {
    const tag = String(10 + (randomBytes(1)[0]! % 20));
    const { editor, article, approvedText, token } = await approvedArticle(tag);
    const again = await makeArticle(editor, {
      source: [
        `한국은행은 기준금리를 연 3.25%로 동결했다고 ${tag}일 밝혔다.`,
        "전혀 다른 문장으로 기상청이 내일 비가 온다고 예보했다.",
      ].join("\n\n"),
      mt: "The BOK kept the rate.\n\nThe weather agency forecast rain.",
    });
    const res = await callRoute(tmRoute, {
      url: `/api/v1/articles/${again.id}/tm`,
      params: { id: again.id },
      token,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as TmBody;
    expect(body.segments.map((s) => s.index)).toEqual([1]);
    const [match] = body.segments[0]!.matches.filter((m) => m.articleId === article.id);
    expect(match).toMatchObject({ target: approvedText, similarity: 1, revision: 2 });

    const near = await makeArticle(editor, {
      source: `한국은행은 기준금리를 연 3.25%로 동결했다고 ${tag}일 오전 밝혔다.`,
      mt: "The BOK kept the rate in the morning.",
    });
    const nearBody = (await (
      await callRoute(tmRoute, {
        url: `/api/v1/articles/${near.id}/tm`,
        params: { id: near.id },
        token,
      })
    ).json()) as TmBody;
    const nearMatch = nearBody.segments[0]!.matches.find((m) => m.articleId === article.id)!;
    expect(nearMatch.similarity).toBeGreaterThanOrEqual(0.75);
    expect(nearMatch.similarity).toBeLessThan(1);
  });

  it("never offers text of articles that were not approved", async () => {
    const editor = await makeUser("EDITOR");
    const { token } = await createApiToken({ userId: editor.userId, name: "tm" }, editor);
    const source = `미승인 기사 문장 ${randomBytes(4).toString("hex")} 입니다.`;
    await makeArticle(editor, { source, mt: "Unapproved." });
    const twin = await makeArticle(editor, { source, mt: "Unapproved twin." });
    const body = (await (
      await callRoute(tmRoute, {
        url: `/api/v1/articles/${twin.id}/tm`,
        params: { id: twin.id },
        token,
      })
    ).json()) as TmBody;
    expect(body.segments).toEqual([]);
  });

  it("concordance finds approved pairs by source or approved target text", async () => {
    const tag = String(10 + (randomBytes(1)[0]! % 20));
    const { article, approvedText, token } = await approvedArticle(tag);
    const search = async (q: string) =>
      (await (
        await callRoute(searchRoute, {
          url: `/api/v1/tm/search?q=${encodeURIComponent(q)}`,
          params: {},
          token,
        })
      ).json()) as { items: { articleId: string; segmentIndex: number; target: string }[] };
    const byTarget = await search(`said (${tag})`);
    expect(byTarget.items.find((i) => i.articleId === article.id)).toMatchObject({
      segmentIndex: 1,
      target: approvedText,
    });
    const bySource = await search("이창용 총재");
    expect(bySource.items.some((i) => i.articleId === article.id && i.segmentIndex === 2)).toBe(
      true,
    );
    // The MT wording that was edited away is not in the memory.
    const edited = await search(`it said on the ${tag}th`);
    expect(edited.items.some((i) => i.articleId === article.id)).toBe(false);
  });
});
